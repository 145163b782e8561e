import numpy as np


def average_ranks(x: np.ndarray) -> np.ndarray:
    """1-based ranks of x in its original order, tied values sharing their average rank.

    x: (n,) finite floats. Returns (n,) floats, e.g. [10, 20, 20, 5] -> [2, 3.5, 3.5, 1].
    """
    _, group, counts = np.unique(np.asarray(x, dtype=float), return_inverse=True, return_counts=True)
    # A group of c equal values after b smaller ones holds ranks b+1 .. b+c, mean b + (c+1)/2.
    before = np.cumsum(counts) - counts
    return (before + (counts + 1) / 2.0)[group.reshape(-1)]


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC-AUC via the Mann-Whitney U statistic, ties between classes counted as half.

    scores: (n,) finite floats. labels: (n,) 0/1 values. Raises ValueError if only one class
    is present. Runs in O(n log n).
    """
    positive = np.asarray(labels).astype(bool)
    n_pos = int(positive.sum())
    n_neg = positive.size - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("ROC-AUC needs at least one positive and one negative label")
    ranks = average_ranks(scores)
    # Subtracting the smallest possible rank sum leaves the count of (positive, negative)
    # pairs won by the positive, with midranks contributing the half for ties.
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))
