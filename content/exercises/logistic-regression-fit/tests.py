import math

import numpy as np

from mlprep_check import check, check_close, check_shape


def _sigmoid_reference(values):
    out = []
    for v in values:
        out.append(1.0 / (1.0 + math.exp(-v)) if v >= 0 else math.exp(v) / (1.0 + math.exp(v)))
    return np.array(out)


def _loss_reference(z, y):
    # log(1 + e^z) - y z, term by term with Python floats.
    total = 0.0
    for zi, yi in zip(z.tolist(), y.tolist()):
        total += max(zi, 0.0) + math.log1p(math.exp(-abs(zi))) - yi * zi
    return total / len(z)


def _data(seed, n):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    p = 1.0 / (1.0 + np.exp(-(X @ np.array([1.5, -2.0, 0.5]) + 0.3)))
    y = (rng.random(n) < p).astype(float)
    return X, y


def test_sigmoid_values(m):
    """sigmoid(0) = 0.5, sigmoid(log 3) = 0.75, sigmoid(-log 3) = 0.25, and shape is kept"""
    z = np.array([[0.0, np.log(3.0)], [-np.log(3.0), 2.0]])
    s = m.sigmoid(z)
    check_shape(s, (2, 2), "sigmoid of a 2x2 array")
    check_close(s, [[0.5, 0.75], [0.25, 1.0 / (1.0 + np.exp(-2.0))]], "sigmoid")


def test_sigmoid_extremes_without_overflow(m):
    """No overflow for z = ±1000, and sigmoid(-40) keeps full relative precision"""
    z = np.array([-1000.0, -40.0, -1.0, 1.0, 40.0, 1000.0])
    with np.errstate(over="raise"):
        s = m.sigmoid(z)
    check_close(s, _sigmoid_reference(z.tolist()), "sigmoid at extreme inputs", rtol=1e-12, atol=0.0)


def test_log_loss_from_logits(m):
    """Log loss is log 2 at z = 0, exact for saturated logits such as ±800, and keeps the tiny loss of confident hits"""
    check_close(m.log_loss(np.zeros(4), np.array([0.0, 1.0, 1.0, 0.0])), np.log(2.0), "loss at z = 0")
    z = np.array([800.0, -800.0, 800.0, -800.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    with np.errstate(over="raise"):
        loss = m.log_loss(z, y)
    # Two confident mistakes cost 800 each, two confident hits cost about e^-800 = 0.
    check_close(loss, 400.0, "loss on saturated logits", rtol=1e-12)
    # Confident negatives cost log1p(e^z), about 4e-18 and 9e-14 here; log(1 + e^z) loses those digits.
    tiny = m.log_loss(np.array([-40.0, -30.0]), np.array([0.0, 0.0]))
    expected = (math.log1p(math.exp(-40.0)) + math.log1p(math.exp(-30.0))) / 2.0
    check_close(tiny, expected, "loss of two confident hits", rtol=1e-12, atol=0.0)


def test_log_loss_random(m):
    """Log loss matches a term-by-term reference on random logits"""
    rng = np.random.default_rng(8)
    z = rng.normal(scale=6.0, size=50)
    y = rng.integers(0, 2, size=50).astype(float)
    loss = m.log_loss(z, y)
    check(np.ndim(loss) == 0, f"log_loss should return a scalar, got shape {np.shape(loss)}")
    check_close(loss, _loss_reference(z, y), "log loss", rtol=1e-10)


def test_gradient_descent_iterates(m):
    """One step from zero is w = lr X^T(y - 0.5)/N, and 20 steps match a reference loop"""
    X, y = _data(seed=1, n=40)
    n = len(y)
    w1, b1 = m.fit_logistic_regression(X, y, lr=0.3, n_iters=1)
    check_close(w1, 0.3 * X.T @ (y - 0.5) / n, "w after one step")
    check_close(b1, 0.3 * np.mean(y - 0.5), "b after one step")
    w, b = np.zeros(3), 0.0
    for _ in range(20):
        r = _sigmoid_reference((X @ w + b).tolist()) - y
        w, b = w - 0.3 * X.T @ r / n, b - 0.3 * r.mean()
    w20, b20 = m.fit_logistic_regression(X, y, lr=0.3, n_iters=20)
    check_shape(w20, (3,), "w")
    check_close(w20, w, "w after 20 steps", rtol=1e-9)
    check_close(b20, b, "b after 20 steps", rtol=1e-9)


def test_converges_to_zero_gradient(m):
    """On noisy (non-separable) data, the fit ends where the gradient of the loss is near zero"""
    X, y = _data(seed=2, n=300)
    with np.errstate(over="raise"):
        w, b = m.fit_logistic_regression(X, y, lr=1.0, n_iters=1000)
    r = _sigmoid_reference((X @ w + b).tolist()) - y
    grad = np.append(X.T @ r, r.sum()) / len(y)
    check(np.max(np.abs(grad)) < 1e-6, f"gradient at the returned fit is not near zero: {grad}")
    # The signs of the true weights [1.5, -2, 0.5] are recovered from 300 samples.
    check(bool(np.all(np.sign(w) == [1.0, -1.0, 1.0])), f"weights have the wrong signs: {w}")
