# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function 1 / (1 + exp(-z)), elementwise, with no overflow anywhere.

    z: float array of any shape. Returns an array of the same shape with values in [0, 1].
    """
    z = np.asarray(z, dtype=float)
    # exp(-|z|) is in (0, 1], so neither branch of the where() can overflow.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_loss(logits: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy computed from logits, exact for large |logits|.

    logits: (N,) float array. y: (N,) array of 0s and 1s. Returns a float.
    """
    z = np.asarray(logits, dtype=float)
    y = np.asarray(y, dtype=float)
    # log(1 + e^z) rewritten so the exponent is never positive; log1p keeps small terms exact.
    softplus = np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(softplus - y * z))


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float = 0.5, n_iters: int = 1000) -> tuple[np.ndarray, float]:
    """Batch gradient descent on the mean log loss, starting from w = 0 and b = 0.

    X: (N, d) float array. y: (N,) array of 0s and 1s. lr: step size. n_iters: number of updates.
    Returns (w, b): w of shape (d,) and b a float, after exactly n_iters simultaneous updates.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        # d(mean loss)/d(logits) = (p - y) / N; shared by both updates.
        r = sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ r) / n
        b = b - lr * np.sum(r) / n
    return w, float(b)
