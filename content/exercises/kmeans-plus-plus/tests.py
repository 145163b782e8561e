import numpy as np

from mlprep_check import check, check_close, check_equal, check_shape


def _replay_seeding(X, k, seed):
    # Independent replay of the draws the statement prescribes, one point at a time.
    rng = np.random.default_rng(seed)
    n = len(X)
    idx = [int(rng.integers(n))]
    while len(idx) < k:
        d2 = np.array([min(float(np.sum((x - X[j]) ** 2)) for j in idx) for x in X])
        idx.append(int(rng.choice(n, p=d2 / d2.sum())))
    return X[idx]


def _blobs(seed):
    rng = np.random.default_rng(seed)
    means = np.array([[0.0, 0.0], [20.0, 0.0], [0.0, 20.0]])
    X = np.vstack([mu + rng.normal(size=(30, 2)) for mu in means])
    return X, np.repeat(np.arange(3), 30)


def test_seeding_replays_the_prescribed_draws(m):
    """Seeding with default_rng(0) picks the same points as a replay of the D² draws"""
    X = np.random.default_rng(42).normal(size=(25, 2))
    for seed in (0, 1, 2):
        centers = m.kmeans_plus_plus_init(X, 4, np.random.default_rng(seed))
        check_shape(centers, (4, 2), "centers")
        check_close(centers, _replay_seeding(X, 4, seed), f"centers drawn with default_rng({seed})", rtol=0, atol=0)


def test_seeding_never_repeats_a_point(m):
    """With k equal to the number of points, every point is chosen exactly once"""
    X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [-3.0, 2.0], [0.5, 9.0]])
    centers = m.kmeans_plus_plus_init(X, 5, np.random.default_rng(7))
    order = sorted(map(tuple, np.asarray(centers).tolist()))
    check_equal(order, sorted(map(tuple, X.tolist())), "chosen centers, sorted")


def test_recovers_separated_blobs(m):
    """Three far-apart blobs: the centers are the blob means and the labels match the blobs"""
    X, truth = _blobs(3)
    centers, labels = m.kmeans(X, 3, np.random.default_rng(0))
    check_shape(centers, (3, 2), "centers")
    check_shape(labels, (90,), "labels")
    check(np.issubdtype(np.asarray(labels).dtype, np.integer), "labels should be integers")
    for blob in range(3):
        found = np.unique(labels[truth == blob])
        check(len(found) == 1, f"blob {blob} is split across clusters {found.tolist()}")
        check_close(centers[found[0]], X[truth == blob].mean(axis=0), f"center of blob {blob}")


def test_result_is_a_lloyd_fixed_point(m):
    """On uniform noise the result is a fixed point: labels are nearest centers, centers are means"""
    X = np.random.default_rng(5).random((200, 2))
    centers, labels = m.kmeans(X, 5, np.random.default_rng(1))
    d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    check_equal(np.asarray(labels), np.argmin(d2, axis=1), "labels vs nearest returned center")
    for c in range(5):
        check_close(centers[c], X[labels == c].mean(axis=0), f"center {c} vs mean of its points")


def test_iteration_budget(m):
    """n_iters = 0 returns the seeds; n_iters = 1 moves each seed to the mean of its points and relabels; cost never rises"""
    X = np.random.default_rng(6).normal(size=(120, 3))
    seeds = m.kmeans_plus_plus_init(X, 4, np.random.default_rng(2))
    d2 = ((X[:, None, :] - seeds[None]) ** 2).sum(axis=2)
    nearest = np.argmin(d2, axis=1)
    centers0, labels0 = m.kmeans(X, 4, np.random.default_rng(2), n_iters=0)
    check_close(centers0, seeds, "centers with n_iters = 0")
    check_equal(np.asarray(labels0), nearest, "labels with n_iters = 0")
    one_step = np.array([X[nearest == c].mean(axis=0) for c in range(4)])
    centers1, labels1 = m.kmeans(X, 4, np.random.default_rng(2), n_iters=1)
    check_close(centers1, one_step, "centers with n_iters = 1")
    # Labels index the nearest returned center, not the assignment made before the last move.
    d2_one = ((X[:, None, :] - one_step[None]) ** 2).sum(axis=2)
    check(bool(np.any(np.argmin(d2_one, axis=1) != nearest)), "test data: one step should move some points")
    check_equal(np.asarray(labels1), np.argmin(d2_one, axis=1), "labels with n_iters = 1")
    centers, labels = m.kmeans(X, 4, np.random.default_rng(2))
    cost, seed_cost = ((X - centers[labels]) ** 2).sum(), d2.min(axis=1).sum()
    check(cost <= seed_cost + 1e-9, f"final cost {cost:.4f} exceeds the cost at the seeds {seed_cost:.4f}")


def test_single_cluster(m):
    """k = 1 gives the mean of all points and label 0 everywhere"""
    X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 0.0], [-1.0, 2.0]])
    centers, labels = m.kmeans(X, 1, np.random.default_rng(0))
    check_close(centers, [[2.0, 2.0]], "center")
    check_equal(np.asarray(labels), np.zeros(4, dtype=int), "labels")
