import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean softmax cross-entropy of integer labels, computed from raw logits.

    logits: (N, C) float array. labels: (N,) integer array with values in 0..C-1.
    Returns the mean over the N examples of -log softmax(logits[n])[labels[n]].
    """
    raise NotImplementedError


def cross_entropy_grad(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Gradient of the mean cross-entropy with respect to the logits.

    logits: (N, C) float array. labels: (N,) integer array with values in 0..C-1.
    Returns an (N, C) array equal to (softmax(logits) - onehot(labels)) / N.
    """
    raise NotImplementedError
