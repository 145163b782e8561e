import numpy as np


def pairwise_distances(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Euclidean distances between every row of A and every row of B.

    A: (m, d) floats. B: (n, d) floats. Returns an (m, n) array, no NaN and no negatives.
    """
    raise NotImplementedError


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Majority vote of the k nearest training points for each test point.

    Distance ties go to the lower training index; vote ties go to the tied label whose
    nearest neighbor comes first. X_train: (n, d). y_train: (n,) integer labels.
    X_test: (m, d). Returns (m,) predicted labels.
    """
    raise NotImplementedError
