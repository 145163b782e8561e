import numpy as np


def split_heads(x: np.ndarray, num_heads: int) -> np.ndarray:
    """(..., T, d_model) -> (..., num_heads, T, d_head), head i taking columns i*d_head:(i+1)*d_head.

    Raises ValueError when d_model is not divisible by num_heads.
    """
    raise NotImplementedError


def merge_heads(x: np.ndarray) -> np.ndarray:
    """(..., num_heads, T, d_head) -> (..., T, num_heads * d_head), the inverse of split_heads."""
    raise NotImplementedError


def multi_head_attention(
    x: np.ndarray,
    Wq: np.ndarray,
    Wk: np.ndarray,
    Wv: np.ndarray,
    Wo: np.ndarray,
    num_heads: int,
    causal: bool = False,
) -> np.ndarray:
    """Multi-head self-attention.

    x: (..., T, d_model). Wq, Wk, Wv, Wo: (d_model, d_model), used as x @ W.
    causal: position t attends only to positions 0..t.
    Returns (..., T, d_model). Raises ValueError when d_model % num_heads != 0.
    """
    raise NotImplementedError
