# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def fit_normal_equations(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Least-squares weights and bias from the normal equations (solved, not inverted).

    X: (N, d) float array. y: (N,) float array.
    Returns (w, b): w of shape (d,) and b a float, minimizing mean((X @ w + b - y) ** 2).
    """
    raise NotImplementedError


def fit_gradient_descent(X: np.ndarray, y: np.ndarray, lr: float = 0.1, n_iters: int = 1000) -> tuple[np.ndarray, float]:
    """Batch gradient descent on the mean squared error, starting from w = 0 and b = 0.

    X: (N, d) float array. y: (N,) float array. lr: step size. n_iters: number of updates.
    Returns (w, b) after exactly n_iters simultaneous updates of w and b.
    """
    raise NotImplementedError
