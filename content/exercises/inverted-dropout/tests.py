import numpy as np

from mlprep_check import check, check_close, check_raises, check_shape


def _pair(result):
    check(isinstance(result, tuple) and len(result) == 2, "dropout_forward must return a pair (out, mask)")
    return result


def test_eval_mode_is_identity(m):
    """In evaluation mode the output equals the input and the mask is all ones"""
    x = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -4.0]])
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    out, mask = _pair(m.dropout_forward(x, 0.5, False, rng))
    check_close(out, x, "out in evaluation mode", rtol=0, atol=0)
    check_close(mask, np.ones_like(x), "mask in evaluation mode", rtol=0, atol=0)
    check(rng.bit_generator.state == state, "evaluation mode must not draw from rng")
    check_close(m.dropout_backward(np.full_like(x, 2.0), mask), np.full_like(x, 2.0), "gradient in evaluation mode", rtol=0, atol=0)


def test_mask_from_generator_and_scaling(m):
    """Training keeps entries where rng.random(shape) < 1 - p and scales them by 1/(1-p)"""
    x = np.arange(1.0, 13.0).reshape(3, 4)
    p = 0.25
    keep = np.random.default_rng(42).random(x.shape) < 1 - p
    out, mask = _pair(m.dropout_forward(x, p, True, np.random.default_rng(42)))
    check_shape(mask, x.shape, "mask")
    check_close(mask, np.where(keep, 1 / (1 - p), 0.0), "mask (0 or 1/(1-p))", rtol=1e-12)
    check_close(out, np.where(keep, x / (1 - p), 0.0), "out", rtol=1e-12)
    check_close(x, np.arange(1.0, 13.0).reshape(3, 4), "x after the call (must not be modified)", rtol=0, atol=0)


def test_expectation_is_preserved(m):
    """Over many units the drop rate is about p and the mean activation is unchanged"""
    x = np.full(200_000, 3.0)
    p = 0.3
    out, _ = _pair(m.dropout_forward(x, p, True, np.random.default_rng(7)))
    dropped = np.mean(out == 0)
    # Standard error of the drop rate is sqrt(p(1-p)/n) ~ 0.001; allow five of them.
    check(abs(dropped - p) < 0.005, f"fraction of zeros should be close to p={p}, got {dropped:.4f}")
    check(abs(out.mean() - 3.0) < 0.03, f"mean output should stay close to 3.0, got {out.mean():.4f}")
    check_close(np.unique(out), [0.0, 3.0 / (1 - p)], "distinct output values", rtol=1e-12)


def test_backward_uses_forward_mask(m):
    """Backward multiplies the upstream gradient by the same scaled mask"""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(4, 5, 6))
    dout = rng.normal(size=x.shape)
    p = 0.6
    out, mask = _pair(m.dropout_forward(x, p, True, np.random.default_rng(11)))
    keep = np.random.default_rng(11).random(x.shape) < 1 - p
    dx = m.dropout_backward(dout, mask)
    check_shape(dx, x.shape, "dx")
    check_close(dx, np.where(keep, dout / (1 - p), 0.0), "dx", rtol=1e-12)
    # out is linear in x with this mask, so d(sum(out * dout))/dx must equal dx.
    check_close(np.sum(out * dout), np.sum(x * dx), "sum(out * dout) vs sum(x * dx)", rtol=1e-10)


def test_p_zero_is_identity_in_training(m):
    """With p = 0 training mode keeps everything unscaled"""
    x = np.linspace(-1.0, 1.0, 9)
    out, mask = _pair(m.dropout_forward(x, 0.0, True, np.random.default_rng(5)))
    check_close(out, x, "out with p = 0", rtol=0, atol=0)
    check_close(mask, np.ones_like(x), "mask with p = 0", rtol=0, atol=0)


def test_invalid_p_raises(m):
    """p = 1, p < 0 and p > 1 raise ValueError"""
    x = np.ones(3)
    for p in (1.0, -0.1, 1.5):
        check_raises(ValueError, lambda p=p: m.dropout_forward(x, p, True, np.random.default_rng(0)), f"p = {p}")
