import math

import numpy as np

from mlprep_check import check, check_close, check_shape


def _reference_loss(logits, labels):
    # Row by row with Python floats and an explicit max shift: independent of NumPy vectorization.
    total = 0.0
    for row, label in zip(logits.tolist(), labels.tolist()):
        top = max(row)
        total += top + math.log(sum(math.exp(v - top) for v in row)) - row[label]
    return total / len(logits)


def test_uniform_logits(m):
    """All-zero logits over 4 classes give loss log 4 and gradient (1/4 - onehot) / N"""
    logits = np.zeros((2, 4))
    labels = np.array([1, 3])
    check_close(m.cross_entropy(logits, labels), np.log(4.0), "loss")
    expected = np.full((2, 4), 0.25)
    expected[0, 1] -= 1.0
    expected[1, 3] -= 1.0
    check_close(m.cross_entropy_grad(logits, labels), expected / 2.0, "gradient")


def test_extreme_logits(m):
    """Finite and exact for logits like [1000, 0] and for a true class with probability near e^-800"""
    logits = np.array([[1000.0, 0.0], [1000.0, 0.0], [0.0, -800.0]])
    labels = np.array([0, 1, 1])
    # Per-example losses are 0, 1000 and 800 up to terms like exp(-800), which vanish next to 1.
    check_close(m.cross_entropy(logits, labels), 1800.0 / 3.0, "loss", rtol=1e-12)
    # Softmax rows are [1, 0] to float precision, so only the one-hot part differs by row.
    expected = np.array([[0.0, 0.0], [1.0, -1.0], [1.0, -1.0]]) / 3.0
    check_close(m.cross_entropy_grad(logits, labels), expected, "gradient", atol=1e-12)


def test_random_batch_against_reference(m):
    """Matches a row-by-row reference on a random batch of 16 examples and 5 classes"""
    rng = np.random.default_rng(3)
    logits = rng.normal(scale=4.0, size=(16, 5))
    labels = rng.integers(0, 5, size=16)
    loss = m.cross_entropy(logits, labels)
    check(np.ndim(loss) == 0, f"loss should be a scalar, got shape {np.shape(loss)}")
    check_close(loss, _reference_loss(logits, labels), "loss", rtol=1e-10)


def test_gradient_matches_finite_differences(m):
    """The gradient agrees with central finite differences of the loss"""
    rng = np.random.default_rng(5)
    logits = rng.normal(size=(4, 3))
    labels = np.array([2, 0, 0, 1])
    grad = m.cross_entropy_grad(logits, labels)
    check_shape(grad, logits.shape, "gradient")
    h = 1e-6
    numeric = np.zeros_like(logits)
    for idx in np.ndindex(*logits.shape):
        plus, minus = logits.copy(), logits.copy()
        plus[idx] += h
        minus[idx] -= h
        numeric[idx] = (_reference_loss(plus, labels) - _reference_loss(minus, labels)) / (2 * h)
    check_close(grad, numeric, "gradient vs finite differences", rtol=1e-5, atol=1e-8)


def test_mean_not_sum(m):
    """Repeating the batch keeps the loss and halves each gradient row (it is a mean over N)"""
    rng = np.random.default_rng(9)
    logits = rng.normal(size=(3, 6))
    labels = np.array([5, 0, 2])
    twice_logits, twice_labels = np.vstack([logits, logits]), np.concatenate([labels, labels])
    check_close(m.cross_entropy(twice_logits, twice_labels), m.cross_entropy(logits, labels), "loss on the doubled batch")
    grad, twice_grad = m.cross_entropy_grad(logits, labels), m.cross_entropy_grad(twice_logits, twice_labels)
    check_close(twice_grad[:3], grad / 2.0, "gradient rows on the doubled batch")
    check_close(np.sum(grad, axis=1), np.zeros(3), "gradient row sums")


def test_single_example_and_single_class(m):
    """One example: gradient is softmax minus onehot; one class: loss and gradient are 0"""
    logits = np.array([[2.0, 1.0, 0.0]])
    e = np.exp([2.0, 1.0, 0.0])
    p = e / e.sum()
    check_close(m.cross_entropy(logits, np.array([0])), -np.log(p[0]), "loss, N = 1")
    check_close(m.cross_entropy_grad(logits, np.array([0])), [[p[0] - 1.0, p[1], p[2]]], "gradient, N = 1")
    one_class = np.array([[3.0], [-2.0]])
    check_close(m.cross_entropy(one_class, np.array([0, 0])), 0.0, "loss, C = 1")
    check_close(m.cross_entropy_grad(one_class, np.array([0, 0])), np.zeros((2, 1)), "gradient, C = 1")
