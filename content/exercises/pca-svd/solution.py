# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def pca_fit(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Principal component analysis of X from the SVD of the centered data.

    X: (n, d) floats. k: number of components, 1 <= k <= min(n, d).
    Returns (mean (d,), components (k, d), explained_variance (k,), explained_variance_ratio (k,)).
    Each component is flipped so that its entry of largest absolute value is positive.
    """
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    mean = X.mean(axis=0)
    # Thin SVD: works for n < d and never forms X^T X.
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    variance = s**2 / (n - 1)
    components = Vt[:k]
    # Singular vectors are only defined up to sign; fix it so results are reproducible.
    pivots = components[np.arange(k), np.argmax(np.abs(components), axis=1)]
    components = components * np.where(pivots < 0, -1.0, 1.0)[:, None]
    # Normalize by the variance of all directions, not only the k kept.
    return mean, components, variance[:k], variance[:k] / variance.sum()


def pca_transform(X: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """Scores of X on fitted principal axes: (X - mean) @ components.T, shape (m, k)."""
    return (np.asarray(X, dtype=float) - mean) @ np.asarray(components).T
