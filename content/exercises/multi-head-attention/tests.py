import numpy as np

from mlprep_check import check, check_close, check_raises, check_shape


def _reference(x, Wq, Wk, Wv, Wo, h, causal):
    # Independent of the exercise: one sequence, a Python loop over heads using column slices.
    T, d = x.shape
    dh = d // h
    heads = []
    for i in range(h):
        cols = slice(i * dh, (i + 1) * dh)
        q, k, v = x @ Wq[:, cols], x @ Wk[:, cols], x @ Wv[:, cols]
        s = q @ k.T / np.sqrt(dh)
        if causal:
            s = s + np.triu(np.full((T, T), -np.inf), 1)
        s = s - s.max(axis=1, keepdims=True)
        w = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        heads.append(w @ v)
    return np.concatenate(heads, axis=1) @ Wo


def _weights(rng, d, scale=None):
    scale = 1 / np.sqrt(d) if scale is None else scale
    return [rng.normal(size=(d, d)) * scale for _ in range(4)]


def test_split_and_merge_heads(m):
    """split_heads gives head i the column block i, and merge_heads inverts it"""
    x = np.arange(2 * 3 * 6, dtype=float).reshape(2, 3, 6)
    s = np.asarray(m.split_heads(x, 3))
    check_shape(s, (2, 3, 3, 2), "split_heads((2, 3, 6), 3)")
    for i in range(3):
        check_close(s[:, i], x[:, :, 2 * i : 2 * i + 2], f"head {i} of split_heads", rtol=0, atol=0)
    merged = np.asarray(m.merge_heads(s))
    check_shape(merged, x.shape, "merge_heads(split_heads(x))")
    check_close(merged, x, "merge_heads(split_heads(x))", rtol=0, atol=0)


def test_one_head_is_plain_attention(m):
    """With one head the result is softmax(Q K^T / sqrt(d)) V W_O"""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4, 6))
    Wq, Wk, Wv, Wo = _weights(rng, 6)
    q, k, v = x @ Wq, x @ Wk, x @ Wv
    s = q @ k.T / np.sqrt(6)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    check_close(m.multi_head_attention(x, Wq, Wk, Wv, Wo, 1), w @ v @ Wo, "one-head output", rtol=1e-9, atol=1e-12)


def test_random_heads_match_reference(m):
    """Random input with 2 and 4 heads matches a per-head loop over column slices"""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(5, 8))
    Wq, Wk, Wv, Wo = _weights(rng, 8, scale=1.0)
    copies = [a.copy() for a in (x, Wq, Wk, Wv, Wo)]
    for h in (2, 4):
        y = m.multi_head_attention(x, Wq, Wk, Wv, Wo, h)
        check_shape(y, (5, 8), f"output with {h} heads")
        check_close(y, _reference(x, Wq, Wk, Wv, Wo, h, False), f"output with {h} heads", rtol=1e-9, atol=1e-10)
    for a, b in zip((x, Wq, Wk, Wv, Wo), copies):
        check_close(a, b, "inputs after the call (must not be modified)", rtol=0, atol=0)


def test_causal_matches_reference_and_ignores_future(m):
    """Causal: matches the reference, and changing tokens 4..5 leaves outputs 0..3 unchanged"""
    rng = np.random.default_rng(2)
    x = rng.normal(size=(6, 8))
    Wq, Wk, Wv, Wo = _weights(rng, 8, scale=1.0)
    y = m.multi_head_attention(x, Wq, Wk, Wv, Wo, 2, causal=True)
    check_close(y, _reference(x, Wq, Wk, Wv, Wo, 2, True), "causal output", rtol=1e-9, atol=1e-10)
    x2 = x.copy()
    x2[4:] = rng.normal(size=(2, 8)) * 5
    y2 = m.multi_head_attention(x2, Wq, Wk, Wv, Wo, 2, causal=True)
    check_close(y2[:4], y[:4], "causal outputs 0..3 after changing tokens 4..5", rtol=1e-12, atol=1e-12)
    check(not np.allclose(y2[4:], y[4:]), "outputs 4..5 should change when tokens 4..5 change")


def test_batch_axis(m):
    """A batch of 3 sequences gives the same result as each sequence alone"""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(3, 4, 6))
    Wq, Wk, Wv, Wo = _weights(rng, 6, scale=1.0)
    y = m.multi_head_attention(x, Wq, Wk, Wv, Wo, 3, causal=True)
    check_shape(y, (3, 4, 6), "batched output")
    for b in range(3):
        check_close(y[b], _reference(x[b], Wq, Wk, Wv, Wo, 3, True), f"sequence {b} of the batch", rtol=1e-9, atol=1e-10)


def test_large_scores_and_bad_head_count(m):
    """Large scores give no NaN; d_model = 6 with 4 heads raises ValueError"""
    rng = np.random.default_rng(4)
    x = rng.normal(size=(5, 8)) * 30
    Wq, Wk, Wv, Wo = _weights(rng, 8, scale=3.0)
    y = m.multi_head_attention(x, Wq, Wk, Wv, Wo, 2, causal=True)
    check_close(y, _reference(x, Wq, Wk, Wv, Wo, 2, True), "output with large scores", rtol=1e-9, atol=1e-8)
    x6 = rng.normal(size=(3, 6))
    W6 = _weights(rng, 6)
    check_raises(ValueError, lambda: m.split_heads(x6, 4), "split_heads with d_model=6, num_heads=4")
    check_raises(ValueError, lambda: m.multi_head_attention(x6, *W6, 4), "multi_head_attention with d_model=6, num_heads=4")
