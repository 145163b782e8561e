import numpy as np

from mlprep_check import check, check_close, check_equal, check_shape


def _reference_predict(X_train, y_train, X_test, k):
    # One test point at a time, with the two tie rules spelled out.
    out = []
    for x in X_test:
        dist = [float(np.sqrt(np.sum((x - t) ** 2))) for t in X_train]
        order = sorted(range(len(X_train)), key=lambda i: (dist[i], i))[:k]
        labels = [int(y_train[i]) for i in order]
        best = max(set(labels), key=lambda c: (labels.count(c), -labels.index(c)))
        out.append(best)
    return np.array(out)


def test_distances_match_a_loop(m):
    """pairwise_distances matches a double loop, has shape (m, n) and is 0 for a repeated row"""
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 3))
    B = np.vstack([rng.normal(size=(5, 3)), A[2]])
    expected = np.array([[np.sqrt(np.sum((a - b) ** 2)) for b in B] for a in A])
    D = m.pairwise_distances(A, B)
    check_shape(D, (4, 6), "distances")
    check_close(D, expected, "distances", atol=1e-6)
    check(bool(np.all(np.asarray(D) >= 0)), "distances contain negative values")


def test_small_hand_case(m):
    """Two 1-D clusters: points near each cluster get its label, and k = 3 votes across the gap"""
    X_train = np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [12.0]])
    y_train = np.array([0, 0, 0, 1, 1, 1])
    # 6.2 is nearest to 10, then 2, then 11: labels 1, 0, 1.
    X_test = np.array([[0.5], [11.5], [6.2]])
    check_equal(np.asarray(m.knn_predict(X_train, y_train, X_test, 3)), np.array([0, 1, 1]), "predictions")


def test_majority_beats_the_nearest(m):
    """With k = 3 the majority label wins even when the single nearest point disagrees"""
    X_train = np.array([[0.0], [2.5], [3.0]])
    y_train = np.array([1, 0, 0])
    check_equal(np.asarray(m.knn_predict(X_train, y_train, np.array([[0.5]]), 3)), np.array([0]), "k = 3")
    check_equal(np.asarray(m.knn_predict(X_train, y_train, np.array([[0.5]]), 1)), np.array([1]), "k = 1")


def test_distance_ties_go_to_the_lower_index(m):
    """Among training points at equal distance, the lower training indexes are the neighbors"""
    X_test = np.array([[1.0, 1.0]])
    check_equal(np.asarray(m.knn_predict(np.array([[0.0, 1.0], [2.0, 1.0]]), np.array([5, 7]), X_test, 1)), np.array([5]), "order [5, 7]")
    check_equal(np.asarray(m.knn_predict(np.array([[2.0, 1.0], [0.0, 1.0]]), np.array([7, 5]), X_test, 1)), np.array([7]), "order [7, 5]")
    # 20 points at distance 1 (even indexes) interleaved with 20 at distance 2. The three
    # lowest tied indexes are 0, 2, 4 with labels 3, 7, 7, so the vote is 7.
    X_train = np.zeros((40, 2))
    X_train[0::2] = [1.0, 0.0]
    X_train[1::2] = [0.0, 2.0]
    y_train = np.full(40, 3)
    y_train[[2, 4]] = 7
    check_equal(np.asarray(m.knn_predict(X_train, y_train, np.zeros((1, 2)), 3)), np.array([7]), "20-way distance tie, k = 3")


def test_vote_ties_go_to_the_closest_label(m):
    """A tied vote goes to the label of the first neighbor in order (distance, then index), not to the smaller label"""
    X_train = np.array([[0.0], [1.0], [4.0], [5.0]])
    y_train = np.array([2, 9, 9, 2])
    # From 2.4 the order is 1.0 (9), 4.0 (9), 0.0 (2), 5.0 (2): 9 owns the closest point.
    check_equal(np.asarray(m.knn_predict(X_train, y_train, np.array([[2.4]]), 4)), np.array([9]), "2-2 tie from 2.4")
    # From 2.6 the order is 4.0 (9), 1.0 (9), 5.0 (2), 0.0 (2); with k = 2 there is no tie.
    check_equal(np.asarray(m.knn_predict(X_train, y_train, np.array([[2.6]]), 2)), np.array([9]), "k = 2 from 2.6")
    # Labels [2, 9] at distances 1 and 2 tie 1-1; 2 is closer.
    check_equal(np.asarray(m.knn_predict(np.array([[0.0], [3.0]]), np.array([2, 9]), np.array([[1.0]]), 2)), np.array([2]), "1-1 tie")
    # Both neighbors at distance 1 tie 1-1: the lower training index (label 9) comes first in the order.
    check_equal(np.asarray(m.knn_predict(np.array([[1.0, 0.0], [-1.0, 0.0]]), np.array([9, 2]), np.zeros((1, 2)), 2)), np.array([9]), "1-1 tie at equal distance")


def test_random_data_against_reference(m):
    """Matches a point-by-point reference on random data with three classes and k = 5"""
    rng = np.random.default_rng(4)
    X_train = rng.normal(size=(60, 2))
    y_train = rng.integers(0, 3, size=60) * 10 - 5  # labels -5, 5, 15
    X_test = rng.normal(size=(30, 2))
    pred = np.asarray(m.knn_predict(X_train, y_train, X_test, 5))
    check_shape(pred, (30,), "predictions")
    check_equal(pred, _reference_predict(X_train, y_train, X_test, 5), "predictions")
    check_equal(np.asarray(m.knn_predict(X_train, y_train, X_train, 1)), y_train, "k = 1 on the training points")
