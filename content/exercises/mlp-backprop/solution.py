from __future__ import annotations

import numpy as np


def mlp_loss(X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray) -> float:
    """Mean softmax cross-entropy of the network affine -> ReLU -> affine.

    X: (N, D) inputs. y: (N,) integer labels in [0, C).
    W1: (D, H), b1: (H,), W2: (H, C), b2: (C,).
    Returns the loss averaged over the N rows, as a float.
    """
    return mlp_loss_and_grads(X, y, W1, b1, W2, b2)[0]


def mlp_loss_and_grads(
    X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> tuple[float, dict[str, np.ndarray]]:
    """The same loss, plus its gradients with respect to every parameter.

    Returns (loss, grads) where grads has the keys "W1", "b1", "W2", "b2" and each
    value has the shape of the matching parameter.
    """
    N = X.shape[0]
    rows = np.arange(N)
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ W2 + b2
    # log-softmax with the row max subtracted: exp never sees a large positive number.
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_probs[rows, y].mean())

    # Softmax and cross-entropy together: dL/dZ2 = (P - Y) / N, no Jacobian needed.
    dZ2 = np.exp(log_probs)
    dZ2[rows, y] -= 1.0
    dZ2 /= N

    dW2 = A1.T @ dZ2
    db2 = dZ2.sum(axis=0)
    # The gradient reaches Z1 only through units that were active in the forward pass.
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
