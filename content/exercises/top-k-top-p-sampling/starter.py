import numpy as np


def filter_probs(logits: np.ndarray, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    """Next-token distribution after temperature, then top-k, then top-p.

    logits: (V,) floats. top_k = 0 and top_p = 1.0 turn those filters off.
    Returns (V,) probabilities: 0 for removed tokens, renormalized over the rest.
    Raises ValueError for temperature <= 0, top_k < 0 or top_p outside (0, 1].
    """
    raise NotImplementedError


def sample_tokens(
    logits: np.ndarray,
    rng: np.random.Generator,
    temperature: float = 1.0,
    top_k: int = 0,
    top_p: float = 1.0,
    num_samples: int = 1,
) -> np.ndarray:
    """Draws num_samples token ids (with replacement) from filter_probs(...), using rng only.

    Returns a (num_samples,) integer array.
    """
    raise NotImplementedError
