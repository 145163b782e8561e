from __future__ import annotations

import numpy as np


def causal_mask(T: int) -> np.ndarray:
    """Boolean (T, T) array, True where query i may attend to key j (j <= i)."""
    raise NotImplementedError


def attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Scaled dot-product attention.

    q: (..., T_q, d_k), k: (..., T_k, d_k), v: (..., T_k, d_v); leading axes are optional.
    causal: mask out keys after each query; requires T_q == T_k (ValueError otherwise).
    Returns (out, weights) with out (..., T_q, d_v) and weights (..., T_q, T_k).
    """
    raise NotImplementedError
