# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def fit_normal_equations(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Least-squares weights and bias from the normal equations (solved, not inverted).

    X: (N, d) float array. y: (N,) float array.
    Returns (w, b): w of shape (d,) and b a float, minimizing mean((X @ w + b - y) ** 2).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    # The ones column makes the bias an ordinary coefficient.
    A = np.column_stack([X, np.ones(len(X))])
    # solve() factorizes once (LU); an explicit inverse costs more and loses accuracy.
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    return theta[:-1], float(theta[-1])


def fit_gradient_descent(X: np.ndarray, y: np.ndarray, lr: float = 0.1, n_iters: int = 1000) -> tuple[np.ndarray, float]:
    """Batch gradient descent on the mean squared error, starting from w = 0 and b = 0.

    X: (N, d) float array. y: (N,) float array. lr: step size. n_iters: number of updates.
    Returns (w, b) after exactly n_iters simultaneous updates of w and b.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        r = X @ w + b - y
        # Both gradients come from the same residual, so the update is simultaneous.
        grad_w = (2.0 / n) * (X.T @ r)
        grad_b = (2.0 / n) * np.sum(r)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)
