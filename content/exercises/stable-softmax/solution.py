import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of x along axis, stable for large positive or negative entries.

    x: float array of any shape; entries may be -inf (masked), each slice along axis has a
    finite entry. Returns an array shaped like x whose slices along axis sum to 1.
    """
    x = np.asarray(x, dtype=float)
    # Per-slice maximum: the largest exponent becomes exp(0) = 1, so nothing overflows and
    # the denominator is at least 1.
    shifted = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def logsumexp(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(sum(exp(x))) along axis, without overflow or underflow.

    x: float array of any shape (same rules as softmax). Returns x's shape with axis removed.
    """
    x = np.asarray(x, dtype=float)
    m = np.max(x, axis=axis, keepdims=True)
    # The sum is in [1, n] after the shift, so the log never sees 0 or inf.
    total = np.sum(np.exp(x - m), axis=axis, keepdims=True)
    return np.squeeze(m + np.log(total), axis=axis)
