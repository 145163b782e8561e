# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def pca_fit(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Principal component analysis of X from the SVD of the centered data.

    X: (n, d) floats. k: number of components, 1 <= k <= min(n, d).
    Returns (mean (d,), components (k, d), explained_variance (k,), explained_variance_ratio (k,)).
    Each component is flipped so that its entry of largest absolute value is positive.
    """
    raise NotImplementedError


def pca_transform(X: np.ndarray, mean: np.ndarray, components: np.ndarray) -> np.ndarray:
    """Scores of X on fitted principal axes: (X - mean) @ components.T, shape (m, k)."""
    raise NotImplementedError
