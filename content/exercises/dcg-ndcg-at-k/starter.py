import numpy as np


def dcg_at_k(relevance: np.ndarray, k: int) -> float:
    """Discounted cumulative gain of the first k positions, gain 2**rel - 1, discount log2(i + 1).

    relevance: (n,) non-negative grades in ranked order. k >= 1 (k > n uses the whole list).
    """
    raise NotImplementedError


def ndcg_at_k(relevance: np.ndarray, k: int) -> float:
    """DCG@k divided by the DCG@k of the ideal (descending) ordering of the same grades.

    relevance: (n,) non-negative grades in ranked order. Returns 0.0 when no grade is positive.
    """
    raise NotImplementedError
