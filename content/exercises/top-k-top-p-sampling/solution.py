import numpy as np


def filter_probs(logits: np.ndarray, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0) -> np.ndarray:
    """Next-token distribution after temperature, then top-k, then top-p.

    logits: (V,) floats. top_k = 0 and top_p = 1.0 turn those filters off.
    Returns (V,) probabilities: 0 for removed tokens, renormalized over the rest.
    Raises ValueError for temperature <= 0, top_k < 0 or top_p outside (0, 1].
    """
    if temperature <= 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    if top_k < 0:
        raise ValueError(f"top_k must be >= 0, got {top_k}")
    if not 0.0 < top_p <= 1.0:
        raise ValueError(f"top_p must be in (0, 1], got {top_p}")
    z = np.asarray(logits, dtype=np.float64) / temperature
    if 0 < top_k < z.size:
        # A threshold rather than an index set: every token tied with the k-th logit survives.
        kth = np.sort(z)[-top_k]
        z = np.where(z >= kth, z, -np.inf)
    z = z - z.max()
    probs = np.exp(z)
    probs /= probs.sum()
    if top_p < 1.0:
        order = np.argsort(-probs, kind="stable")
        sorted_probs = probs[order]
        mass_before = np.cumsum(sorted_probs) - sorted_probs
        # Keep a token while the mass before it is below p: this keeps the one that crosses p,
        # and the top token always (its mass before is 0).
        keep = np.zeros(probs.size, dtype=bool)
        keep[order] = mass_before < top_p
        probs = np.where(keep, probs, 0.0)
        probs /= probs.sum()
    return probs


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
    probs = filter_probs(logits, temperature, top_k, top_p)
    return rng.choice(probs.size, size=num_samples, p=probs)
