import numpy as np


def split_heads(x: np.ndarray, num_heads: int) -> np.ndarray:
    """(..., T, d_model) -> (..., num_heads, T, d_head), head i taking columns i*d_head:(i+1)*d_head.

    Raises ValueError when d_model is not divisible by num_heads.
    """
    *lead, T, d_model = x.shape
    if num_heads <= 0 or d_model % num_heads != 0:
        raise ValueError(f"d_model={d_model} is not divisible by num_heads={num_heads}")
    # Reshape cuts each row into consecutive column blocks; only then move heads before T.
    blocks = x.reshape(*lead, T, num_heads, d_model // num_heads)
    return np.swapaxes(blocks, -3, -2)


def merge_heads(x: np.ndarray) -> np.ndarray:
    """(..., num_heads, T, d_head) -> (..., T, num_heads * d_head), the inverse of split_heads."""
    *lead, h, T, d_head = x.shape
    return np.swapaxes(x, -3, -2).reshape(*lead, T, h * d_head)


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
    x = np.asarray(x, dtype=float)
    q = split_heads(x @ Wq, num_heads)
    k = split_heads(x @ Wk, num_heads)
    v = split_heads(x @ Wv, num_heads)
    T, d_head = q.shape[-2], q.shape[-1]
    # Scale by the per-head key size: that is the length of each dot product.
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d_head)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return merge_heads(weights @ v) @ Wo
