from __future__ import annotations

from typing import Optional

import numpy as np


def lora_init(in_features: int, out_features: int, r: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """LoRA adapter matrices: A (r, in_features) Gaussian from rng, B (out_features, r) zeros.

    Raises ValueError unless r >= 1.
    """
    if r < 1:
        raise ValueError(f"LoRA rank r must be at least 1, got {r}")
    A = rng.normal(scale=1.0 / np.sqrt(in_features), size=(r, in_features))
    # B = 0 makes BA = 0, so training starts exactly at the pretrained layer.
    B = np.zeros((out_features, r))
    return A, B


def lora_forward(x: np.ndarray, W: np.ndarray, b: Optional[np.ndarray], A: np.ndarray, B: np.ndarray, alpha: float) -> np.ndarray:
    """y = x W^T + b + (alpha / r) x A^T B^T with r = A.shape[0].

    x: (..., in). W: (out, in). b: (out,) or None. A: (r, in). B: (out, r).
    Returns (..., out).
    """
    x = np.asarray(x, dtype=float)
    scale = alpha / A.shape[0]
    y = x @ W.T
    if b is not None:
        y = y + b
    # Two thin products through the rank-r bottleneck; B @ A is never formed.
    return y + scale * ((x @ A.T) @ B.T)


def lora_merge(W: np.ndarray, A: np.ndarray, B: np.ndarray, alpha: float) -> np.ndarray:
    """Returns a new (out, in) weight W + (alpha / r) B A; W itself is unchanged."""
    return W + (alpha / A.shape[0]) * (B @ A)
