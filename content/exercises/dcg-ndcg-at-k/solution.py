import numpy as np


def dcg_at_k(relevance: np.ndarray, k: int) -> float:
    """Discounted cumulative gain of the first k positions, gain 2**rel - 1, discount log2(i + 1).

    relevance: (n,) non-negative grades in ranked order. k >= 1 (k > n uses the whole list).
    """
    rel = np.asarray(relevance, dtype=float)[:k]
    # Position i (1-based) is discounted by log2(i + 1): 0-based index j gives log2(j + 2).
    discounts = np.log2(np.arange(rel.size) + 2.0)
    return float(np.sum((2.0**rel - 1.0) / discounts))


def ndcg_at_k(relevance: np.ndarray, k: int) -> float:
    """DCG@k divided by the DCG@k of the ideal (descending) ordering of the same grades.

    relevance: (n,) non-negative grades in ranked order. Returns 0.0 when no grade is positive.
    """
    rel = np.asarray(relevance, dtype=float)
    # The ideal list sorts every judged item, then truncates at k.
    ideal = dcg_at_k(np.sort(rel)[::-1], k)
    if ideal == 0.0:
        return 0.0  # no relevant item: stated convention instead of 0/0
    return dcg_at_k(rel, k) / ideal
