import numpy as np

from mlprep_check import check_close, check_raises, check_shape


def _pairwise_auc(scores, labels):
    pos, neg = scores[labels == 1], scores[labels == 0]
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return wins / (len(pos) * len(neg))


def test_average_ranks(m):
    """Ranks are 1-based and ties share their average: [10, 20, 20, 5] gives [2, 3.5, 3.5, 1]"""
    check_close(m.average_ranks(np.array([10.0, 20.0, 20.0, 5.0])), [2.0, 3.5, 3.5, 1.0], "ranks of [10, 20, 20, 5]")
    check_close(m.average_ranks(np.array([3.0, 3.0, 3.0])), [2.0, 2.0, 2.0], "ranks of [3, 3, 3]")
    check_close(m.average_ranks(np.array([-1.0])), [1.0], "rank of a single value")
    x = np.array([0.3, -2.0, 0.3, 9.0, 0.3, -2.0])
    check_close(m.average_ranks(x), [4.0, 1.5, 4.0, 6.0, 4.0, 1.5], "ranks with two tie groups")


def test_perfect_reversed_and_constant(m):
    """AUC is 1 for a perfect ranking, 0 when reversed and exactly 0.5 when all scores are equal"""
    labels = np.array([0, 0, 1, 1, 1])
    scores = np.array([0.1, 0.2, 0.7, 0.8, 0.9])
    check_close(m.roc_auc(scores, labels), 1.0, "perfect ranking")
    check_close(m.roc_auc(-scores, labels), 0.0, "reversed ranking")
    check_close(m.roc_auc(np.full(5, 0.4), labels), 0.5, "all scores equal")


def test_ties_count_as_half(m):
    """A positive and a negative with equal scores count as half a correct pair"""
    # Pairs (pos, neg): (0.5, 0.5) half, (0.5, 0.2) win, (0.8, 0.5) win, (0.8, 0.2) win: 3.5 / 4.
    check_close(m.roc_auc(np.array([0.5, 0.5, 0.2, 0.8]), np.array([1, 0, 0, 1])), 0.875, "AUC with one tied pair")


def test_random_scores_with_ties_against_pairwise(m):
    """Matches the pairwise definition on 300 scores rounded to produce many ties"""
    rng = np.random.default_rng(21)
    labels = (rng.random(300) < 0.3).astype(int)
    scores = np.round(rng.normal(size=300) + labels, 1)
    check_close(m.roc_auc(scores, labels), _pairwise_auc(scores, labels), "AUC", rtol=1e-12)
    check_close(m.roc_auc(scores, labels.astype(bool)), _pairwise_auc(scores, labels), "AUC with boolean labels", rtol=1e-12)


def test_depends_only_on_the_order(m):
    """A strictly increasing transform of the scores, or shuffling the samples, leaves AUC unchanged"""
    rng = np.random.default_rng(22)
    labels = rng.integers(0, 2, size=120)
    scores = rng.normal(size=120) + 0.8 * labels
    auc = m.roc_auc(scores, labels)
    check_close(m.roc_auc(np.exp(3.0 * scores) - 5.0, labels), auc, "AUC after exp transform")
    perm = rng.permutation(120)
    check_close(m.roc_auc(scores[perm], labels[perm]), auc, "AUC after shuffling")


def test_one_class_raises(m):
    """Labels with a single class raise ValueError"""
    check_raises(ValueError, lambda: m.roc_auc(np.array([0.1, 0.9, 0.4]), np.array([1, 1, 1])), "all positive")
    check_raises(ValueError, lambda: m.roc_auc(np.array([0.1, 0.9]), np.array([0, 0])), "all negative")


def test_large_input(m):
    """Handles 200,000 scores (in O(n log n)) and matches a count-by-value computation"""
    rng = np.random.default_rng(23)
    n = 200_000
    labels = (rng.random(n) < 0.1).astype(int)
    scores = rng.integers(0, 50, size=n) + 5 * labels  # integer scores: heavy ties
    # For each score value v: positives at v beat negatives below v and tie with negatives at v.
    pos_at = np.bincount(scores[labels == 1], minlength=60)
    neg_at = np.bincount(scores[labels == 0], minlength=60)
    neg_below = np.cumsum(neg_at) - neg_at
    expected = np.sum(pos_at * (neg_below + 0.5 * neg_at)) / (pos_at.sum() * neg_at.sum())
    ranks = m.average_ranks(scores.astype(float))
    check_shape(ranks, (n,), "ranks")
    check_close(m.roc_auc(scores.astype(float), labels), expected, "AUC on 200,000 scores", rtol=1e-10)
