from __future__ import annotations

import numpy as np


def dropout_forward(x: np.ndarray, p: float, training: bool, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout.

    x: float array of any shape. p: drop probability in [0, 1).
    training: True draws a mask from rng; False is the identity and does not touch rng.
    Returns (out, mask), both shaped like x. mask is 0 for dropped entries and
    1 / (1 - p) for kept ones (all ones in evaluation). Raises ValueError for p outside [0, 1).
    """
    raise NotImplementedError


def dropout_backward(dout: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Gradient of the loss with respect to x, given the upstream gradient and the forward mask."""
    raise NotImplementedError
