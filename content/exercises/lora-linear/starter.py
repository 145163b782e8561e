from __future__ import annotations

from typing import Optional

import numpy as np


def lora_init(in_features: int, out_features: int, r: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """LoRA adapter matrices: A (r, in_features) Gaussian from rng, B (out_features, r) zeros.

    Raises ValueError unless r >= 1.
    """
    raise NotImplementedError


def lora_forward(x: np.ndarray, W: np.ndarray, b: Optional[np.ndarray], A: np.ndarray, B: np.ndarray, alpha: float) -> np.ndarray:
    """y = x W^T + b + (alpha / r) x A^T B^T with r = A.shape[0].

    x: (..., in). W: (out, in). b: (out,) or None. A: (r, in). B: (out, r).
    Returns (..., out).
    """
    raise NotImplementedError


def lora_merge(W: np.ndarray, A: np.ndarray, B: np.ndarray, alpha: float) -> np.ndarray:
    """Returns a new (out, in) weight W + (alpha / r) B A; W itself is unchanged."""
    raise NotImplementedError
