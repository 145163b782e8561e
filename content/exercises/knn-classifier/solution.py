import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distances between every row of A and every row of B.

    A: (m, d) floats. B: (n, d) floats. Returns an (m, n) array, no NaN and no negatives.
    """
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    sq = np.sum(A**2, axis=1)[:, None] - 2.0 * A @ B.T + np.sum(B**2, axis=1)[None, :]
    # Cancellation can leave tiny negative values where the true distance is 0.
    return np.sqrt(np.maximum(sq, 0.0))


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Majority vote of the k nearest training points for each test point.

    Distance ties go to the lower training index; vote ties go to the tied label whose
    nearest neighbor comes first. X_train: (n, d). y_train: (n,) integer labels.
    X_test: (m, d). Returns (m,) predicted labels.
    """
    y_train = np.asarray(y_train)
    D = pairwise_distances(X_test, X_train)
    # A stable sort keeps equal distances in training-index order.
    order = np.argsort(D, axis=1, kind="stable")[:, :k]
    neighbor_labels = y_train[order]  # (m, k), nearest first
    classes = np.unique(y_train)
    is_class = neighbor_labels[:, :, None] == classes[None, None, :]  # (m, k, C)
    counts = is_class.sum(axis=1)
    # First position of each label among the neighbors; k when absent.
    first = np.where(is_class.any(axis=1), is_class.argmax(axis=1), k)
    # Highest count wins; among equal counts the smaller first position wins.
    score = counts * (k + 1) - first
    return classes[np.argmax(score, axis=1)]
