# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def gini(y: np.ndarray) -> float:
    """Gini impurity 1 - sum_c p_c**2 of integer labels y; 0 for an empty array."""
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(1.0 - np.sum(p**2))


def best_split(x: np.ndarray, y: np.ndarray) -> tuple[float | None, float]:
    """Threshold on x minimizing the weighted Gini impurity of the two children.

    x: (n,) floats, any order, repeats allowed. y: (n,) integer labels.
    Candidates are midpoints between consecutive distinct sorted values; x <= t goes left.
    Scores within 1e-12 of the minimum tie, and the smallest tied threshold wins.
    Returns (threshold, weighted_impurity), or (None, gini(y)) if x has one distinct value.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    n = x.size
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, codes = np.unique(y[order], return_inverse=True)
    onehot = np.eye(codes.max() + 1)[codes]  # (n, C)
    # Row i holds the class counts of the left child when the split follows sorted position i.
    left = np.cumsum(onehot, axis=0)[:-1]
    right = onehot.sum(axis=0) - left
    valid = xs[1:] > xs[:-1]  # never cut between equal values
    if not np.any(valid):
        return None, gini(y)
    left, right = left[valid], right[valid]
    n_left = left.sum(axis=1)
    n_right = n - n_left
    # n_L * G_L = n_L - sum_c n_Lc^2 / n_L, same for the right child.
    score = (n_left - np.sum(left**2, axis=1) / n_left + n_right - np.sum(right**2, axis=1) / n_right) / n
    thresholds = (xs[:-1][valid] + xs[1:][valid]) / 2.0
    # Candidates are in increasing order, so the first near-minimal one is the smallest threshold.
    best = int(np.argmax(score <= score.min() + 1e-12))
    return float(thresholds[best]), float(score[best])
