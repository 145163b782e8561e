import numpy as np

from mlprep_check import check, check_close, check_shape


def test_small_hand_case(m):
    """softmax([0, log 3]) is [0.25, 0.75] and its log-sum-exp is log 4"""
    x = np.array([0.0, np.log(3.0)])
    check_close(m.softmax(x), [0.25, 0.75], "softmax([0, log 3])")
    check_close(m.logsumexp(x), np.log(4.0), "logsumexp([0, log 3])")


def test_large_positive_logits(m):
    """Stable for logits like [1000, 1001, 1002]"""
    x = np.array([1000.0, 1001.0, 1002.0])
    e = np.exp([-2.0, -1.0, 0.0])
    check_close(m.softmax(x), e / e.sum(), "softmax([1000, 1001, 1002])")
    check_close(m.logsumexp(x), 1002.0 + np.log(e.sum()), "logsumexp([1000, 1001, 1002])", rtol=1e-12)


def test_rows_on_different_scales(m):
    """Each row is shifted by its own maximum: rows near +1000 and -1000 in one batch"""
    x = np.array([[1000.0, 1001.0], [-1000.0, -1001.0], [3.0, 3.0]])
    p = 1.0 / (1.0 + np.exp(-1.0))
    expected = np.array([[1 - p, p], [p, 1 - p], [0.5, 0.5]])
    check_close(m.softmax(x, axis=1), expected, "softmax of the three rows")
    lse = np.array([1001.0 + np.log1p(np.exp(-1.0)), -1000.0 + np.log1p(np.exp(-1.0)), 3.0 + np.log(2.0)])
    check_close(m.logsumexp(x, axis=1), lse, "logsumexp of the three rows", rtol=1e-12)


def test_any_axis_on_a_3d_batch(m):
    """Works along axis 0, 1 and -1 of a 3-D array, with the right output shapes"""
    rng = np.random.default_rng(7)
    x = rng.normal(scale=3.0, size=(2, 3, 4))
    before = x.copy()
    for axis in (0, 1, -1):
        # Moderate values, so the direct formula is a valid independent reference here.
        e = np.exp(x)
        p = m.softmax(x, axis=axis)
        check_shape(p, x.shape, f"softmax(axis={axis})")
        check_close(p, e / e.sum(axis=axis, keepdims=True), f"softmax(axis={axis})")
        lse = m.logsumexp(x, axis=axis)
        check_shape(lse, np.sum(x, axis=axis).shape, f"logsumexp(axis={axis})")
        check_close(lse, np.log(e.sum(axis=axis)), f"logsumexp(axis={axis})")
    check(np.array_equal(x, before), "the input array was modified in place")


def test_masked_entries(m):
    """Entries equal to -inf get probability 0 and drop out of the log-sum-exp"""
    x = np.array([[2.0, -np.inf, 0.0, -np.inf], [-np.inf, -np.inf, -np.inf, 5.0]])
    e = np.exp(np.array([2.0, 0.0]))
    expected = np.array([[e[0] / e.sum(), 0.0, e[1] / e.sum(), 0.0], [0.0, 0.0, 0.0, 1.0]])
    check_close(m.softmax(x), expected, "softmax with masked entries")
    check_close(m.logsumexp(x), [np.log(e.sum()), 5.0], "logsumexp with masked entries")


def test_shift_invariance_and_normalization(m):
    """Adding 800 to a random batch leaves softmax unchanged and adds 800 to log-sum-exp"""
    rng = np.random.default_rng(11)
    x = rng.normal(size=(5, 6))
    p = m.softmax(x)
    check_close(np.sum(p, axis=-1), np.ones(5), "row sums of softmax")
    check(np.all(p >= 0), "softmax has negative entries")
    check_close(m.softmax(x + 800.0), p, "softmax(x + 800) vs softmax(x)")
    check_close(m.logsumexp(x + 800.0), m.logsumexp(x) + 800.0, "logsumexp(x + 800) vs logsumexp(x) + 800", rtol=1e-12)
