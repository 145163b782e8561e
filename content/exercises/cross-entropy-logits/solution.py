import numpy as np


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    # log of a sum that is at least 1 (the max entry contributes exp(0)), so it is finite.
    return shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean softmax cross-entropy of integer labels, computed from raw logits.

    logits: (N, C) float array. labels: (N,) integer array with values in 0..C-1.
    Returns the mean over the N examples of -log softmax(logits[n])[labels[n]].
    """
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    log_p = _log_softmax(logits)
    # Stay in log space: an underflowed probability would turn into log(0) = -inf.
    return float(-np.mean(log_p[np.arange(len(labels)), labels]))


def cross_entropy_grad(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Gradient of the mean cross-entropy with respect to the logits.

    logits: (N, C) float array. labels: (N,) integer array with values in 0..C-1.
    Returns an (N, C) array equal to (softmax(logits) - onehot(labels)) / N.
    """
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n = logits.shape[0]
    grad = np.exp(_log_softmax(logits))
    grad[np.arange(n), labels] -= 1.0
    return grad / n
