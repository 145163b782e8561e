from __future__ import annotations

import numpy as np


def causal_mask(T: int) -> np.ndarray:
    """Boolean (T, T) array, True where query i may attend to key j (j <= i)."""
    return np.tril(np.ones((T, T), dtype=bool))


def attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention.

    q: (..., T_q, d_k), k: (..., T_k, d_k), v: (..., T_k, d_v); leading axes are optional.
    causal: mask out keys after each query; requires T_q == T_k (ValueError otherwise).
    Returns (out, weights) with out (..., T_q, d_v) and weights (..., T_q, T_k).
    """
    q, k, v = (np.asarray(a, dtype=float) for a in (q, k, v))
    T_q, d_k = q.shape[-2], q.shape[-1]
    T_k = k.shape[-2]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d_k)
    if causal:
        if T_q != T_k:
            raise ValueError(f"causal attention needs T_q == T_k, got T_q={T_q} and T_k={T_k}")
        # Mask before the softmax so the max below is taken over allowed keys only.
        scores = np.where(causal_mask(T_q), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v, weights
