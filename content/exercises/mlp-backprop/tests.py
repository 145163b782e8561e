import numpy as np

from mlprep_check import check, check_close, check_shape

PARAMS = ("W1", "b1", "W2", "b2")


def _reference_loss(X, y, W1, b1, W2, b2):
    # Written independently of the exercise: per-row log-sum-exp minus the true logit.
    hidden = np.maximum(X @ W1 + b1, 0.0)
    logits = hidden @ W2 + b2
    top = logits.max(axis=1)
    lse = top + np.log(np.exp(logits - top[:, None]).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(len(y)), y]))


def _problem(seed, N=6, D=4, H=5, C=3, scale=1.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, D))
    y = rng.integers(0, C, size=N)
    params = {
        "W1": rng.normal(size=(D, H)) * scale,
        "b1": rng.normal(size=H) * 0.1,
        "W2": rng.normal(size=(H, C)) * scale,
        "b2": rng.normal(size=C) * 0.1,
    }
    return X, y, params


def _args(params):
    return tuple(params[k] for k in PARAMS)


def _numeric_grads(X, y, params, h=1e-6):
    """Central differences of the reference loss, one parameter entry at a time."""
    grads = {}
    for name in PARAMS:
        p = params[name].copy()
        trial = dict(params, **{name: p})
        g = np.zeros_like(p)
        flat, out = p.reshape(-1), g.reshape(-1)
        for j in range(flat.size):
            old = flat[j]
            flat[j] = old + h
            up = _reference_loss(X, y, *_args(trial))
            flat[j] = old - h
            down = _reference_loss(X, y, *_args(trial))
            flat[j] = old
            out[j] = (up - down) / (2 * h)
        grads[name] = g
    return grads


def _loss_and_grads(m, X, y, params):
    result = m.mlp_loss_and_grads(X, y, *_args(params))
    check(isinstance(result, tuple) and len(result) == 2, "mlp_loss_and_grads must return a pair (loss, grads)")
    loss, grads = result
    check(isinstance(grads, dict), "the second item of the pair must be a dict keyed by parameter name")
    for name in PARAMS:
        check(name in grads, f"grads is missing the key {name!r}")
    return loss, grads


def test_zero_weights_give_log_c(m):
    """With all weights and biases zero the loss is log(C) and only b2 gets a gradient"""
    X = np.arange(8.0).reshape(4, 2)
    y = np.array([0, 1, 2, 1])
    params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 3)), "b2": np.zeros(3)}
    check_close(m.mlp_loss(X, y, *_args(params)), np.log(3.0), "mlp_loss")
    loss, grads = _loss_and_grads(m, X, y, params)
    check_close(loss, np.log(3.0), "loss from mlp_loss_and_grads")
    # Uniform predictions: dL/db2 = mean over rows of (1/3 - one_hot(y)).
    check_close(grads["b2"], np.full(3, 1 / 3) - np.bincount(y, minlength=3) / 4, "grads['b2']")
    check_close(grads["W1"], np.zeros((2, 3)), "grads['W1'] (hidden units are all inactive)")


def test_loss_matches_reference(m):
    """Loss on a random batch matches an independent log-sum-exp computation (mean, not sum)"""
    X, y, params = _problem(seed=1, N=7)
    expected = _reference_loss(X, y, *_args(params))
    check_close(m.mlp_loss(X, y, *_args(params)), expected, "mlp_loss", rtol=1e-9)
    loss, _ = _loss_and_grads(m, X, y, params)
    check_close(loss, expected, "loss from mlp_loss_and_grads", rtol=1e-9)


def test_gradients_have_parameter_shapes(m):
    """Each gradient has the shape of its parameter (N=3, D=2, H=7, C=4)"""
    X, y, params = _problem(seed=2, N=3, D=2, H=7, C=4)
    _, grads = _loss_and_grads(m, X, y, params)
    for name in PARAMS:
        check_shape(grads[name], params[name].shape, f"grads[{name!r}]")


def test_gradient_check_all_parameters(m):
    """Analytic gradients agree with central finite differences for every parameter"""
    X, y, params = _problem(seed=3, N=6, D=4, H=5, C=3)
    before = {k: v.copy() for k, v in params.items()}
    _, grads = _loss_and_grads(m, X, y, params)
    for name in PARAMS:
        check_close(params[name], before[name], f"{name} after the call (inputs must not be modified)")
    numeric = _numeric_grads(X, y, params)
    for name in PARAMS:
        check_close(grads[name], numeric[name], f"grads[{name!r}] vs central differences", rtol=1e-5, atol=1e-7)


def test_gradient_check_with_dead_units(m):
    """Gradient check still passes when some hidden units never activate"""
    X, y, params = _problem(seed=4, N=8, D=3, H=6, C=4)
    # Units 0 and 3 get a large negative bias, so ReLU blocks them for every row.
    params["b1"][[0, 3]] = -50.0
    _, grads = _loss_and_grads(m, X, y, params)
    check_close(grads["W1"][:, [0, 3]], np.zeros((3, 2)), "grads['W1'] columns of dead units")
    check_close(grads["b1"][[0, 3]], np.zeros(2), "grads['b1'] of dead units")
    numeric = _numeric_grads(X, y, params)
    for name in PARAMS:
        check_close(grads[name], numeric[name], f"grads[{name!r}] vs central differences", rtol=1e-5, atol=1e-7)


def test_large_logits_stay_finite(m):
    """Loss and gradients stay finite and correct when logits are in the thousands"""
    X, y, params = _problem(seed=5, N=5, D=3, H=4, C=3, scale=30.0)
    logits = np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
    check(np.abs(logits).max() > 800, "test setup: logits should be large")
    expected = _reference_loss(X, y, *_args(params))
    check_close(m.mlp_loss(X, y, *_args(params)), expected, "mlp_loss with large logits", rtol=1e-9)
    loss, grads = _loss_and_grads(m, X, y, params)
    check_close(loss, expected, "loss from mlp_loss_and_grads with large logits", rtol=1e-9)
    # Softmax is saturated, so P is (numerically) one-hot at the argmax: dZ2 = (onehot(argmax) - onehot(y)) / N.
    N = X.shape[0]
    dZ2 = np.zeros_like(logits)
    dZ2[np.arange(N), logits.argmax(axis=1)] += 1.0
    dZ2[np.arange(N), y] -= 1.0
    dZ2 /= N
    check_close(grads["b2"], dZ2.sum(axis=0), "grads['b2'] with saturated softmax", atol=1e-9)
