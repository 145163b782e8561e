import numpy as np

from mlprep_check import check, check_close, check_shape


def _data(seed, n, d, noise):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w = rng.normal(size=d)
    y = X @ w - 1.5 + noise * rng.normal(size=n)
    return X, y


def test_recovers_exact_linear_data(m):
    """Recovers w = [3, -2] and b = 5 exactly from noiseless data"""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [2.0, 3.0], [-1.0, 4.0]])
    y = 3.0 * X[:, 0] - 2.0 * X[:, 1] + 5.0
    w, b = m.fit_normal_equations(X, y)
    check_shape(w, (2,), "w")
    check(np.ndim(b) == 0, f"b should be a scalar, got shape {np.shape(b)}")
    check_close(w, [3.0, -2.0], "w", atol=1e-9)
    check_close(b, 5.0, "b", atol=1e-9)


def test_matches_least_squares_on_noisy_data(m):
    """Matches an independent least-squares fit (with intercept) on noisy random data"""
    X, y = _data(seed=1, n=60, d=4, noise=0.3)
    X = X + 10.0  # a large feature mean, so a missing or mishandled bias shows up
    A = np.hstack([X, np.ones((len(X), 1))])
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    w, b = m.fit_normal_equations(X, y)
    check_close(w, theta[:4], "w", rtol=1e-7, atol=1e-9)
    check_close(b, theta[4], "b", rtol=1e-7, atol=1e-9)


def test_single_feature(m):
    """One feature: slope and intercept match the textbook covariance formulas"""
    x = np.array([1.0, 2.0, 4.0, 7.0, 8.0])
    y = np.array([2.0, 3.5, 4.0, 9.0, 9.5])
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    w, b = m.fit_normal_equations(x[:, None], y)
    check_close(w, [slope], "w")
    check_close(b, y.mean() - slope * x.mean(), "b")


def test_first_gradient_step(m):
    """One step from zero is w = lr * (2/N) X^T y and b = lr * (2/N) sum(y)"""
    X = np.array([[1.0, 2.0], [3.0, -1.0], [0.0, 1.0], [2.0, 2.0]])
    y = np.array([1.0, 2.0, -1.0, 0.5])
    w, b = m.fit_gradient_descent(X, y, lr=0.05, n_iters=1)
    check_close(w, 0.05 * 0.5 * (X.T @ y), "w after one step")
    check_close(b, 0.05 * 0.5 * y.sum(), "b after one step")
    w0, b0 = m.fit_gradient_descent(X, y, lr=0.05, n_iters=0)
    check_close(w0, np.zeros(2), "w after zero steps")
    check_close(b0, 0.0, "b after zero steps")


def test_iterates_match_reference(m):
    """After 25 steps, w and b match a reference loop with simultaneous updates"""
    X, y = _data(seed=2, n=30, d=3, noise=0.5)
    lr, n = 0.07, len(y)
    theta = np.zeros(4)
    A = np.hstack([X, np.ones((n, 1))])
    for _ in range(25):
        theta = theta - lr * (2.0 / n) * A.T @ (A @ theta - y)
    w, b = m.fit_gradient_descent(X, y, lr=lr, n_iters=25)
    check_close(w, theta[:3], "w after 25 steps", rtol=1e-9)
    check_close(b, theta[3], "b after 25 steps", rtol=1e-9)


def test_gradient_descent_converges_to_closed_form(m):
    """With enough steps on standardized data, gradient descent reaches the normal-equation fit"""
    X, y = _data(seed=4, n=80, d=3, noise=0.2)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.solve(A.T @ A, A.T @ y)
    w, b = m.fit_gradient_descent(X, y, lr=0.1, n_iters=2000)
    check_close(w, theta[:3], "w after 2000 steps", rtol=1e-6, atol=1e-8)
    check_close(b, theta[3], "b after 2000 steps", rtol=1e-6, atol=1e-8)
