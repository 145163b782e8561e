import numpy as np

from mlprep_check import check, check_close, check_shape


def _anisotropic(seed, n, scales, offset=0.0):
    rng = np.random.default_rng(seed)
    d = len(scales)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return (rng.normal(size=(n, d)) * np.asarray(scales)) @ Q.T + offset


def _fix_signs(rows):
    rows = np.array(rows, dtype=float)
    for r in rows:
        j = int(np.argmax(np.abs(r)))
        if r[j] < 0:
            r *= -1.0
    return rows


def test_points_on_a_line(m):
    """Points along (1, 2) give the axis (1, 2)/√5 with ratio 1 and the right mean"""
    t = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    X = np.column_stack([3.0 + t, 1.0 + 2.0 * t])
    mean, comps, var, ratio = m.pca_fit(X, 1)
    check_close(mean, [3.0, 1.0], "mean")
    check_close(comps, [[1.0 / np.sqrt(5.0), 2.0 / np.sqrt(5.0)]], "first component")
    # Scores are t * sqrt(5), whose sample variance is 5 * var(t, ddof=1) = 12.5.
    check_close(var, [12.5], "explained variance")
    check_close(ratio, [1.0], "explained variance ratio")


def test_sign_rule_uses_the_largest_entry(m):
    """Points along (2, -4, 3) give the axis (-2, 4, -3)/√29: the largest-magnitude entry decides the sign"""
    # The first entry and the entry sum are both positive here, so those sign rules pick the other sign.
    t = np.array([-1.5, -0.5, 0.0, 1.0, 2.0, 3.0])
    direction = np.array([2.0, -4.0, 3.0])
    X = np.array([1.0, 0.0, -2.0]) + t[:, None] * direction
    for data in (X, X[::-1], 2.0 * X.mean(axis=0) - X):
        _, comps, _, ratio = m.pca_fit(data, 1)
        check_close(comps, [-direction / np.sqrt(29.0)], "first component", atol=1e-10)
        check_close(ratio, [1.0], "explained variance ratio")


def test_matches_covariance_eigendecomposition(m):
    """Axes, variances and ratios match an eigendecomposition of the sample covariance"""
    X = _anisotropic(seed=1, n=200, scales=[5.0, 3.0, 1.0, 0.5])
    mean, comps, var, ratio = m.pca_fit(X, 2)
    check_shape(comps, (2, 4), "components")
    evals, evecs = np.linalg.eigh(np.cov(X, rowvar=False))
    evals, evecs = evals[::-1], evecs[:, ::-1]
    check_close(mean, X.mean(axis=0), "mean")
    check_close(comps, _fix_signs(evecs[:, :2].T), "components", atol=1e-8)
    check_close(var, evals[:2], "explained variance")
    # The ratio divides by the total variance of all four directions.
    check_close(ratio, evals[:2] / evals.sum(), "explained variance ratio")


def test_components_are_orthonormal_with_fixed_signs(m):
    """Components are orthonormal, their largest entries are positive, and negating X changes nothing"""
    X = _anisotropic(seed=2, n=100, scales=[4.0, 2.0, 1.0])
    _, comps, _, _ = m.pca_fit(X, 3)
    check_close(comps @ comps.T, np.eye(3), "components @ components.T", atol=1e-10)
    pivots = comps[np.arange(3), np.argmax(np.abs(comps), axis=1)]
    check(bool(np.all(pivots > 0)), f"largest-magnitude entry of each component should be positive: {pivots}")
    _, comps_neg, _, _ = m.pca_fit(-X, 3)
    check_close(comps_neg, comps, "components of -X vs components of X", atol=1e-10)


def test_centering(m):
    """Shifting the data by 1000 changes the mean only, not the axes or the variances"""
    X = _anisotropic(seed=3, n=80, scales=[3.0, 1.0, 0.2])
    _, comps, var, ratio = m.pca_fit(X, 2)
    mean_s, comps_s, var_s, ratio_s = m.pca_fit(X + 1000.0, 2)
    check_close(mean_s, X.mean(axis=0) + 1000.0, "mean of shifted data")
    check_close(comps_s, comps, "components of shifted data", atol=1e-8)
    check_close(var_s, var, "explained variance of shifted data", rtol=1e-8)
    check_close(ratio_s, ratio, "ratio of shifted data", rtol=1e-8)


def test_transform_and_reconstruction(m):
    """Scores are (X - mean) V_k, their variances are the explained variances, and k = d reconstructs X"""
    X = _anisotropic(seed=4, n=50, scales=[2.0, 1.5, 0.3], offset=7.0)
    mean, comps, var, _ = m.pca_fit(X, 2)
    Z = m.pca_transform(X, mean, comps)
    check_shape(Z, (50, 2), "scores")
    check_close(Z, (X - X.mean(axis=0)) @ np.asarray(comps).T, "scores")
    check_close(np.var(Z, axis=0, ddof=1), var, "sample variance of the scores")
    mean3, comps3, _, ratio3 = m.pca_fit(X, 3)
    check_close(m.pca_transform(X, mean3, comps3) @ comps3 + mean3, X, "reconstruction with k = d")
    check_close(np.sum(ratio3), 1.0, "ratios sum to 1 with k = d")
    new = np.array([[7.0, 7.0, 7.0]])
    check_close(m.pca_transform(new, mean, comps), (new - mean) @ np.asarray(comps).T, "scores of a new point")


def test_wide_data(m):
    """With fewer samples than features (n = 6, d = 10) the shapes and ratios are right"""
    X = np.random.default_rng(5).normal(size=(6, 10))
    mean, comps, var, ratio = m.pca_fit(X, 3)
    check_shape(comps, (3, 10), "components")
    check_shape(var, (3,), "explained variance")
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    check_close(var, s[:3] ** 2 / 5.0, "explained variance")
    check_close(ratio, s[:3] ** 2 / np.sum(s**2), "explained variance ratio")
