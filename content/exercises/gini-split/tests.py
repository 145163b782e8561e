from collections import Counter

import numpy as np

from mlprep_check import check, check_close, check_equal


def _gini_ref(labels):
    labels = list(labels)
    if not labels:
        return 0.0
    return 1.0 - sum((c / len(labels)) ** 2 for c in Counter(labels).values())


def _brute_force(x, y):
    # Every midpoint, each child recomputed from scratch.
    values = sorted(set(x.tolist()))
    best = (None, _gini_ref(y))
    scores = []
    for a, b in zip(values[:-1], values[1:]):
        t = (a + b) / 2.0
        left, right = y[x <= t], y[x > t]
        scores.append((t, (len(left) * _gini_ref(left) + len(right) * _gini_ref(right)) / len(y)))
    if scores:
        low = min(s for _, s in scores)
        best = next((t, s) for t, s in scores if s <= low + 1e-12)
    return best


def test_gini_values(m):
    """Gini is 0.5 for [0, 0, 1, 1], 0 for a pure node, 2/3 for three classes and 0 when empty"""
    check_close(m.gini(np.array([0, 0, 1, 1])), 0.5, "gini([0, 0, 1, 1])")
    check_close(m.gini(np.array([4, 4, 4])), 0.0, "gini([4, 4, 4])")
    check_close(m.gini(np.array([0, 1, 2])), 2.0 / 3.0, "gini([0, 1, 2])")
    check_close(m.gini(np.array([-3, 10, 10, 10])), 1.0 - (1 / 16 + 9 / 16), "gini([-3, 10, 10, 10])")
    check_close(m.gini(np.array([], dtype=int)), 0.0, "gini of an empty array")


def test_perfect_split(m):
    """x = [1, 2, 3, 4] with labels [0, 0, 1, 1] splits at 2.5 with impurity 0"""
    t, score = m.best_split(np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 0, 1, 1]))
    check_close(t, 2.5, "threshold")
    check_close(score, 0.0, "weighted impurity")


def test_repeated_values_are_never_separated(m):
    """With repeated x values, the threshold is a midpoint between distinct values"""
    # Cutting between the two 1.0s would score 0.3; the legal candidates 1.5 and 2.5 score 0.4667 and 0.4.
    x = np.array([2.0, 1.0, 3.0, 1.0, 2.0])
    y = np.array([0, 0, 1, 1, 1])
    t, score = m.best_split(x, y)
    check_close(t, 2.5, "threshold")
    check_close(score, 0.4, "weighted impurity")


def test_ties_go_to_the_smallest_threshold(m):
    """When two thresholds score the same, the smaller one is returned"""
    # 1.5 and 3.5 both score 1/3; 2.5 scores 1/2.
    t, score = m.best_split(np.array([4.0, 3.0, 2.0, 1.0]), np.array([0, 1, 1, 0]))
    check_close(t, 1.5, "threshold")
    check_close(score, 1.0 / 3.0, "weighted impurity")


def test_no_split_possible(m):
    """A constant feature, or a single sample, returns (None, gini(y))"""
    t, score = m.best_split(np.array([2.0, 2.0, 2.0]), np.array([0, 1, 1]))
    check(t is None, f"threshold for a constant feature should be None, got {t!r}")
    check_close(score, 4.0 / 9.0, "impurity for a constant feature")
    t, score = m.best_split(np.array([7.0]), np.array([3]))
    check(t is None, f"threshold for one sample should be None, got {t!r}")
    check_close(score, 0.0, "impurity for one sample")


def test_random_features_against_brute_force(m):
    """Matches a brute-force scan on random data with repeats, three classes and odd labels"""
    rng = np.random.default_rng(12)
    for trial in range(5):
        x = rng.integers(0, 15, size=60).astype(float) / 2.0
        y = np.where(x + rng.normal(scale=2.0, size=60) > 3.5, 20, -1)
        y[rng.random(60) < 0.2] = 5
        t, score = m.best_split(x, y)
        t_ref, score_ref = _brute_force(x, y)
        check_close(score, score_ref, f"weighted impurity, trial {trial}", rtol=1e-9)
        check_close(t, t_ref, f"threshold, trial {trial}", rtol=0, atol=0)
