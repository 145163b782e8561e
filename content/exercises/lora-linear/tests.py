import numpy as np

from mlprep_check import check, check_close, check_equal, check_raises, check_shape


def _pair(result):
    check(isinstance(result, tuple) and len(result) == 2, "lora_init must return a pair (A, B)")
    return np.asarray(result[0]), np.asarray(result[1])


def _layer(rng, d_in, d_out):
    return rng.normal(size=(d_out, d_in)), rng.normal(size=d_out)


def test_init_shapes_and_zero_b(m):
    """lora_init gives A (r, in) random and B (out, r) zero, and the same seed gives the same A"""
    A, B = _pair(m.lora_init(6, 4, 2, np.random.default_rng(0)))
    check_shape(A, (2, 6), "A")
    check_shape(B, (4, 2), "B")
    check_close(B, np.zeros((4, 2)), "B at initialization", rtol=0, atol=0)
    check(np.all(np.isfinite(A)) and np.std(A) > 0, "A must hold random finite values, not zeros")
    A2, _ = _pair(m.lora_init(6, 4, 2, np.random.default_rng(0)))
    A3, _ = _pair(m.lora_init(6, 4, 2, np.random.default_rng(1)))
    check_close(A2, A, "A from the same seed", rtol=0, atol=0)
    check(not np.allclose(A3, A), "different seeds should give different A")
    check_raises(ValueError, lambda: m.lora_init(6, 4, 0, np.random.default_rng(0)), "r = 0")


def test_zero_init_equals_base_layer(m):
    """At initialization the LoRA layer gives exactly x W^T + b"""
    rng = np.random.default_rng(1)
    W, b = _layer(rng, 5, 3)
    x = rng.normal(size=(7, 5))
    A, B = _pair(m.lora_init(5, 3, 2, np.random.default_rng(2)))
    check_close(m.lora_forward(x, W, b, A, B, 16.0), x @ W.T + b, "output at initialization", rtol=1e-12, atol=1e-12)


def test_hand_checked_example(m):
    """W = I, A = [1, 2], B = [[1], [0]], alpha = 2, r = 1: x = [1, 1] gives [7, 1]"""
    W = np.eye(2)
    A = np.array([[1.0, 2.0]])
    B = np.array([[1.0], [0.0]])
    # x A^T = 3, times B^T = [3, 0], times alpha / r = 2 gives [6, 0]; plus x W^T = [1, 1].
    check_close(m.lora_forward(np.array([1.0, 1.0]), W, None, A, B, 2.0), [7.0, 1.0], "lora_forward without bias", rtol=1e-12)
    check_close(m.lora_forward(np.array([1.0, 1.0]), W, np.array([0.5, -1.0]), A, B, 2.0), [7.5, 0.0], "lora_forward with bias", rtol=1e-12)


def test_random_batched_matches_formula(m):
    """Random (2, 3, 8) input with r = 4 and alpha = 8 uses the scale alpha / r = 2"""
    rng = np.random.default_rng(3)
    W, b = _layer(rng, 8, 5)
    A, B = rng.normal(size=(4, 8)), rng.normal(size=(5, 4))
    x = rng.normal(size=(2, 3, 8))
    copies = [a.copy() for a in (x, W, b, A, B)]
    expected = np.einsum("...i,oi->...o", x, W) + b + 2.0 * np.einsum("...i,ri,or->...o", x, A, B)
    y = m.lora_forward(x, W, b, A, B, 8.0)
    check_shape(y, (2, 3, 5), "output")
    check_close(y, expected, "lora_forward", rtol=1e-10, atol=1e-10)
    for a, c in zip((x, W, b, A, B), copies):
        check_close(a, c, "inputs after the call (must not be modified)", rtol=0, atol=0)


def test_scale_reads_rank_from_a(m):
    """Padding A and B with a zero rank keeps BA but halves alpha / r, so the update halves"""
    rng = np.random.default_rng(4)
    W, b = _layer(rng, 6, 4)
    A, B = rng.normal(size=(1, 6)), rng.normal(size=(4, 1))
    A2, B2 = np.vstack([A, np.zeros((1, 6))]), np.hstack([B, np.zeros((4, 1))])
    x = rng.normal(size=(3, 6))
    base = x @ W.T + b
    delta1 = m.lora_forward(x, W, b, A, B, 4.0) - base
    delta2 = m.lora_forward(x, W, b, A2, B2, 4.0) - base
    check_close(delta1, 4.0 * (x @ A.T) @ B.T, "update with r = 1", rtol=1e-10, atol=1e-10)
    check_close(delta2, delta1 / 2, "update with r = 2 (same BA)", rtol=1e-10, atol=1e-10)


def test_merged_equals_unmerged(m):
    """The merged weight gives the same outputs, has rank-r change, and leaves W untouched"""
    rng = np.random.default_rng(5)
    W, b = _layer(rng, 10, 8)
    A, B = rng.normal(size=(3, 10)), rng.normal(size=(8, 3))
    W_before = W.copy()
    merged = np.asarray(m.lora_merge(W, A, B, 6.0))
    check_shape(merged, (8, 10), "merged weight")
    check_close(W, W_before, "W after lora_merge (must not be modified)", rtol=0, atol=0)
    check_close(merged, W + 2.0 * B @ A, "merged weight", rtol=1e-12, atol=1e-12)
    check_equal(int(np.linalg.matrix_rank(merged - W)), 3, "rank of the merged change")
    x = rng.normal(size=(4, 10))
    check_close(x @ merged.T + b, m.lora_forward(x, W, b, A, B, 6.0), "merged vs unmerged outputs", rtol=1e-10, atol=1e-10)
    A0, B0 = _pair(m.lora_init(10, 8, 3, np.random.default_rng(6)))
    check_close(m.lora_merge(W, A0, B0, 6.0), W, "merging a freshly initialized adapter", rtol=0, atol=0)
