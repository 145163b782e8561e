import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of x along axis, stable for large positive or negative entries.

    x: float array of any shape; entries may be -inf (masked), each slice along axis has a
    finite entry. Returns an array shaped like x whose slices along axis sum to 1.
    """
    raise NotImplementedError


def logsumexp(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(sum(exp(x))) along axis, without overflow or underflow.

    x: float array of any shape (same rules as softmax). Returns x's shape with axis removed.
    """
    raise NotImplementedError
