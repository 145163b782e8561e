import numpy as np

from mlprep_check import check, check_close, check_equal, check_raises, check_shape


def _reference(q, k, v, causal):
    # Independent of the exercise: loops over leading axes and queries, log-sum-exp per row.
    lead = q.shape[:-2]
    T_q, d = q.shape[-2:]
    T_k = k.shape[-2]
    out = np.zeros(lead + (T_q, v.shape[-1]))
    w = np.zeros(lead + (T_q, T_k))
    for idx in np.ndindex(*lead):
        for i in range(T_q):
            allowed = range(i + 1) if causal else range(T_k)
            s = np.array([np.dot(q[idx][i], k[idx][j]) / np.sqrt(d) for j in allowed])
            lse = s.max() + np.log(np.sum(np.exp(s - s.max())))
            for n, j in enumerate(allowed):
                w[idx][i, j] = np.exp(s[n] - lse)
            out[idx][i] = w[idx][i] @ v[idx]
    return out, w


def _pair(result):
    check(isinstance(result, tuple) and len(result) == 2, "attention must return a pair (out, weights)")
    return result


def test_causal_mask_pattern(m):
    """causal_mask(4) is True on and below the diagonal"""
    expected = np.array([[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]], dtype=bool)
    mask = np.asarray(m.causal_mask(4))
    check(mask.dtype == bool, f"causal_mask must return a bool array, got dtype {mask.dtype}")
    check_equal(mask, expected, "causal_mask(4)")
    check_equal(np.asarray(m.causal_mask(1)), np.array([[True]]), "causal_mask(1)")


def test_hand_checked_weights_and_scale(m):
    """With d_k = 4 the scores are divided by 2: weights [1/4, 3/4] instead of [1/10, 9/10]"""
    q = np.array([[2.0, 0, 0, 0], [2.0, 0, 0, 0]])
    k = np.array([[0.0, 0, 0, 0], [np.log(3.0), 0, 0, 0]])
    v = np.array([[10.0, 0.0], [0.0, 20.0]])
    out, w = _pair(m.attention(q, k, v))
    check_close(w, [[0.25, 0.75], [0.25, 0.75]], "weights", rtol=1e-10)
    check_close(out, [[2.5, 15.0], [2.5, 15.0]], "out", rtol=1e-10)
    out, w = _pair(m.attention(q, k, v, causal=True))
    check_close(w, [[1.0, 0.0], [0.25, 0.75]], "causal weights", rtol=1e-10)
    check_close(out, [[10.0, 0.0], [2.5, 15.0]], "causal out", rtol=1e-10)


def test_random_batched_matches_reference(m):
    """Random (2, 3, 5, 4) inputs with and without the mask match a loop reference"""
    rng = np.random.default_rng(0)
    q, k = rng.normal(size=(2, 3, 5, 4)), rng.normal(size=(2, 3, 5, 4))
    v = rng.normal(size=(2, 3, 5, 6))
    copies = [a.copy() for a in (q, k, v)]
    for causal in (False, True):
        out, w = _pair(m.attention(q, k, v, causal=causal))
        ref_out, ref_w = _reference(q, k, v, causal)
        check_shape(out, (2, 3, 5, 6), f"out (causal={causal})")
        check_close(w, ref_w, f"weights (causal={causal})", rtol=1e-9, atol=1e-12)
        check_close(out, ref_out, f"out (causal={causal})", rtol=1e-9, atol=1e-12)
    check_close(w.sum(axis=-1), np.ones((2, 3, 5)), "causal weight rows sum to 1", rtol=1e-12)
    check(np.all(w[..., np.triu_indices(5, 1)[0], np.triu_indices(5, 1)[1]] == 0.0), "weights above the diagonal must be exactly 0")
    for a, b in zip((q, k, v), copies):
        check_close(a, b, "inputs after the call (must not be modified)", rtol=0, atol=0)


def test_past_ignores_the_future(m):
    """Under the causal mask, changing keys and values at positions >= 3 leaves outputs 0..2 unchanged"""
    rng = np.random.default_rng(1)
    q, k, v = (rng.normal(size=(6, 3)) for _ in range(3))
    out1, _ = _pair(m.attention(q, k, v, causal=True))
    k2, v2 = k.copy(), v.copy()
    k2[3:] = rng.normal(size=(3, 3)) * 10
    v2[3:] = rng.normal(size=(3, 3)) * 10
    out2, _ = _pair(m.attention(q, k2, v2, causal=True))
    check_close(out2[:3], out1[:3], "outputs at positions 0..2", rtol=1e-12, atol=1e-12)
    check(not np.allclose(out2[3:], out1[3:]), "outputs at positions 3..5 should change when their keys change")


def test_huge_scores_stay_finite(m):
    """Scores in the thousands, with the largest one on a masked future key, give no NaN"""
    q = np.array([[30.0, 0.0], [0.0, 30.0], [30.0, 30.0]])
    k = np.array([[40.0, 0.0], [0.0, 40.0], [500.0, 500.0]])
    v = np.array([[1.0, 0.0], [0.0, 1.0], [5.0, 5.0]])
    # Row 0 may only see key 0, row 1 keys 0-1; key 2 has scores near 1e4 but is in their future.
    out, w = _pair(m.attention(q, k, v, causal=True))
    ref_out, ref_w = _reference(q, k, v, True)
    check_close(w, ref_w, "causal weights with huge scores", rtol=1e-9, atol=1e-12)
    check_close(out, ref_out, "causal out with huge scores", rtol=1e-9, atol=1e-12)
    out, w = _pair(m.attention(q, k, v))
    ref_out, ref_w = _reference(q, k, v, False)
    check_close(out, ref_out, "unmasked out with huge scores", rtol=1e-9, atol=1e-12)


def test_cross_attention_shapes_and_causal_check(m):
    """Unmasked T_q != T_k works with d_v != d_k; causal with T_q != T_k raises ValueError"""
    rng = np.random.default_rng(2)
    q, k, v = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 7, 4)), rng.normal(size=(2, 7, 5))
    out, w = _pair(m.attention(q, k, v))
    check_shape(out, (2, 3, 5), "out")
    check_shape(w, (2, 3, 7), "weights")
    ref_out, _ = _reference(q, k, v, False)
    check_close(out, ref_out, "out", rtol=1e-9, atol=1e-12)
    check_raises(ValueError, lambda: m.attention(q, k, v, causal=True), "causal attention with T_q=3, T_k=7")
