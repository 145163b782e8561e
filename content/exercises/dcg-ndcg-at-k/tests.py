import math

import numpy as np

from mlprep_check import check, check_close


def _dcg_ref(rel, k):
    return sum((2.0 ** r - 1.0) / math.log2(i + 1) for i, r in enumerate(rel[:k], start=1))


def _ndcg_ref(rel, k):
    ideal = _dcg_ref(sorted(rel, reverse=True), k)
    return 0.0 if ideal == 0 else _dcg_ref(rel, k) / ideal


def test_hand_example(m):
    """Grades [2, 0, 1] at k = 3 give DCG 3.5 and NDCG 3.5 / (3 + 1/log2 3) ≈ 0.964"""
    rel = np.array([2, 0, 1])
    check_close(m.dcg_at_k(rel, 3), 3.5, "DCG@3")
    check_close(m.ndcg_at_k(rel, 3), 3.5 / (3.0 + 1.0 / np.log2(3.0)), "NDCG@3")


def test_truncation_and_discount(m):
    """Only the first k positions count, position 1 is undiscounted, and k > n uses the whole list"""
    rel = np.array([3, 1, 2])
    check_close(m.dcg_at_k(rel, 1), 7.0, "DCG@1")
    check_close(m.dcg_at_k(rel, 2), 7.0 + 1.0 / np.log2(3.0), "DCG@2")
    full = 7.0 + 1.0 / np.log2(3.0) + 3.0 / 2.0
    check_close(m.dcg_at_k(rel, 3), full, "DCG@3")
    check_close(m.dcg_at_k(rel, 10), full, "DCG@10 on a list of 3")


def test_ideal_uses_all_items(m):
    """The ideal ranking sorts every item before truncating, so a relevant item ranked last is missed"""
    check_close(m.ndcg_at_k(np.array([0, 0, 3]), 1), 0.0, "NDCG@1 of [0, 0, 3]")
    # IDCG@2 comes from [3, 1], not from the system's top two [1, 0].
    check_close(m.ndcg_at_k(np.array([1, 0, 3]), 2), 1.0 / (7.0 + 1.0 / np.log2(3.0)), "NDCG@2 of [1, 0, 3]")


def test_perfect_ranking_and_exponential_gain(m):
    """A list already in ideal order scores 1, and gain is 2^rel - 1 rather than rel"""
    check_close(m.ndcg_at_k(np.array([3, 2, 2, 1, 0]), 4), 1.0, "NDCG@4 of an ideal list")
    # Swapping grades 1 and 2: DCG = 1 + 3/log2 3 against the ideal 3 + 1/log2 3.
    check_close(m.ndcg_at_k(np.array([1, 2]), 2), (1.0 + 3.0 / np.log2(3.0)) / (3.0 + 1.0 / np.log2(3.0)), "NDCG@2 of [1, 2]")


def test_no_relevant_items(m):
    """With every grade 0, IDCG is 0 and NDCG is 0.0 by the stated convention"""
    with np.errstate(divide="raise", invalid="raise"):
        value = m.ndcg_at_k(np.zeros(5, dtype=int), 3)
    check_close(value, 0.0, "NDCG@3 of all zeros")
    check_close(m.dcg_at_k(np.zeros(5), 3), 0.0, "DCG@3 of all zeros")


def test_random_lists_against_reference(m):
    """Matches a loop reference on random graded lists for k in 1, 5, 10, 20 and 30"""
    rng = np.random.default_rng(31)
    for trial in range(10):
        rel = rng.integers(0, 5, size=20)
        for k in (1, 5, 10, 20, 30):
            check_close(m.dcg_at_k(rel, k), _dcg_ref(rel.tolist(), k), f"DCG@{k}, list {trial}", rtol=1e-12)
            value = m.ndcg_at_k(rel, k)
            check_close(value, _ndcg_ref(rel.tolist(), k), f"NDCG@{k}, list {trial}", rtol=1e-12)
            check(0.0 <= value <= 1.0 + 1e-12, f"NDCG@{k} outside [0, 1]: {value}")
