from __future__ import annotations

import numpy as np


def mlp_loss(X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray) -> float:
    """Mean softmax cross-entropy of the network affine -> ReLU -> affine.

    X: (N, D) inputs. y: (N,) integer labels in [0, C).
    W1: (D, H), b1: (H,), W2: (H, C), b2: (C,).
    Returns the loss averaged over the N rows, as a float.
    """
    raise NotImplementedError


def mlp_loss_and_grads(
    X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> tuple[float, dict[str, np.ndarray]]:
    """The same loss, plus its gradients with respect to every parameter.

    Returns (loss, grads) where grads has the keys "W1", "b1", "W2", "b2" and each
    value has the shape of the matching parameter.
    """
    raise NotImplementedError
