# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function 1 / (1 + exp(-z)), elementwise, with no overflow anywhere.

    z: float array of any shape. Returns an array of the same shape with values in [0, 1].
    """
    raise NotImplementedError


def log_loss(logits: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy computed from logits, exact for large |logits|.

    logits: (N,) float array. y: (N,) array of 0s and 1s. Returns a float.
    """
    raise NotImplementedError


def fit_logistic_regression(X: np.ndarray, y: np.ndarray, lr: float = 0.5, n_iters: int = 1000) -> tuple[np.ndarray, float]:
    """Batch gradient descent on the mean log loss, starting from w = 0 and b = 0.

    X: (N, d) float array. y: (N,) array of 0s and 1s. lr: step size. n_iters: number of updates.
    Returns (w, b): w of shape (d,) and b a float, after exactly n_iters simultaneous updates.
    """
    raise NotImplementedError
