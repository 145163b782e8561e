import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Layer normalization over the last axis.

    x: (..., D) float array. gamma, beta: (D,) scale and shift.
    eps: added to the (biased) variance inside the square root.
    Returns an array shaped like x.
    """
    x = np.asarray(x, dtype=float)
    mean = x.mean(axis=-1, keepdims=True)
    centered = x - mean
    # Variance from centered values: E[x^2] - mean^2 loses every digit under a large offset.
    var = np.mean(centered * centered, axis=-1, keepdims=True)
    return gamma * (centered / np.sqrt(var + eps)) + beta
