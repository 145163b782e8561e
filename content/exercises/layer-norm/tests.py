import numpy as np

from mlprep_check import check_close, check_shape


def _reference(x, gamma, beta, eps):
    # Independent of the exercise: one row at a time with Python sums.
    flat = x.reshape(-1, x.shape[-1])
    out = np.empty_like(flat)
    D = flat.shape[1]
    for r, row in enumerate(flat):
        mu = sum(row) / D
        var = sum((v - mu) ** 2 for v in row) / D
        out[r] = [gamma[i] * (row[i] - mu) / np.sqrt(var + eps) + beta[i] for i in range(D)]
    return out.reshape(x.shape)


def test_hand_checked_vector(m):
    """[1, 2, 3, 4] has mean 2.5 and biased variance 1.25"""
    x = np.array([1.0, 2.0, 3.0, 4.0])
    eps = 1e-5
    expected = (x - 2.5) / np.sqrt(1.25 + eps)
    check_close(m.layer_norm(x, np.ones(4), np.zeros(4), eps), expected, "layer_norm([1, 2, 3, 4])", rtol=1e-10)
    check_close(m.layer_norm(x, np.ones(4), np.zeros(4)), expected, "layer_norm with the default eps", rtol=1e-10)


def test_statistics_are_per_row(m):
    """Each row is normalized on its own, whatever the scale of the other rows"""
    x = np.array([[1.0, 2.0, 3.0], [100.0, 300.0, 500.0], [-7.0, -7.5, -9.0]])
    y = m.layer_norm(x, np.ones(3), np.zeros(3), 0.0)
    check_shape(y, x.shape, "output")
    check_close(y.mean(axis=-1), np.zeros(3), "row means", atol=1e-12)
    check_close(y.var(axis=-1), np.ones(3), "row variances", rtol=1e-10)
    check_close(y[0], y[1], "rows 0 and 1 (same pattern, different scale)", rtol=1e-10)


def test_random_batched_with_gamma_beta(m):
    """Random (2, 3, 5) input with gamma and beta matches a row-by-row computation"""
    rng = np.random.default_rng(0)
    x = rng.normal(loc=2.0, scale=3.0, size=(2, 3, 5))
    gamma = rng.normal(size=5)
    beta = rng.normal(size=5)
    x_before = x.copy()
    y = m.layer_norm(x, gamma, beta, 1e-5)
    check_shape(y, x.shape, "output")
    check_close(y, _reference(x, gamma, beta, 1e-5), "layer_norm", rtol=1e-9, atol=1e-12)
    check_close(x, x_before, "x after the call (must not be modified)", rtol=0, atol=0)


def test_eps_goes_inside_the_square_root(m):
    """Small-variance rows: eps is added to the variance, not to the standard deviation"""
    x = np.array([[0.0, 1e-3], [5.0, 5.002]])
    eps = 1e-5
    # Row 0: var = 2.5e-7, so (x - mu) / sqrt(var + eps) is about +-0.156, far from +-0.98.
    check_close(m.layer_norm(x, np.ones(2), np.zeros(2), eps), _reference(x, np.ones(2), np.zeros(2), eps), "layer_norm", rtol=1e-6)


def test_constant_row_returns_beta(m):
    """A constant vector normalizes to zeros, so the output is beta"""
    x = np.full((2, 4), 3.5)
    beta = np.array([0.1, -0.2, 0.3, 0.0])
    check_close(m.layer_norm(x, np.full(4, 2.0), beta, 1e-5), np.tile(beta, (2, 1)), "layer_norm of constant rows", rtol=0, atol=1e-12)


def test_large_offset_is_accurate(m):
    """Accurate when features share an offset of 1e8"""
    x = 1e8 + np.array([[0.0, 1.0, 2.0, 3.0], [4.0, 4.0, 6.0, 10.0]])
    small = x - 1e8
    expected = _reference(small, np.ones(4), np.zeros(4), 1e-5)
    check_close(m.layer_norm(x, np.ones(4), np.zeros(4), 1e-5), expected, "layer_norm(1e8 + small)", rtol=1e-6, atol=1e-6)
