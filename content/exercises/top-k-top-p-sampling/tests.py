import numpy as np

from mlprep_check import check, check_close, check_equal, check_raises, check_shape


def _softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def test_temperature_only(m):
    """Without top-k and top-p the result is softmax(logits / T), also for logits near 1000"""
    logits = np.array([1000.0, 1001.5, 998.0, 1000.5])
    for T in (1.0, 0.5, 2.0):
        expected = _softmax((logits - 1000.0) / T)
        check_close(m.filter_probs(logits, temperature=T), expected, f"filter_probs with T={T}", rtol=1e-10)


def test_top_k_keeps_the_k_largest(m):
    """top_k=2 on probabilities [0.1, 0.4, 0.2, 0.3] keeps 0.4 and 0.3, renormalized to 4/7 and 3/7"""
    logits = np.log([0.1, 0.4, 0.2, 0.3])
    check_close(m.filter_probs(logits, top_k=2), [0.0, 4 / 7, 0.0, 3 / 7], "top_k=2", rtol=1e-10, atol=1e-15)
    check_close(m.filter_probs(logits, top_k=1), [0.0, 1.0, 0.0, 0.0], "top_k=1 (greedy)", rtol=1e-10, atol=1e-15)
    check_close(m.filter_probs(logits, top_k=10), [0.1, 0.4, 0.2, 0.3], "top_k larger than V", rtol=1e-10)
    # Ties with the k-th logit survive: logits 3, 2, 2 all pass top_k=2.
    tied = np.array([1.0, 3.0, 2.0, 2.0, 0.0])
    e = np.exp([3.0, 2.0, 2.0])
    check_close(m.filter_probs(tied, top_k=2), [0.0, *(e / e.sum()), 0.0], "top_k=2 with a tie at the k-th logit", rtol=1e-10, atol=1e-15)


def test_top_p_keeps_the_token_that_crosses_p(m):
    """top_p=0.7 on [0.1, 0.5, 0.15, 0.25] keeps 0.5 and 0.25 (0.75 >= 0.7); a tiny p keeps only the top token; ties go to the lower id"""
    logits = np.log([0.1, 0.5, 0.15, 0.25])
    check_close(m.filter_probs(logits, top_p=0.7), [0.0, 2 / 3, 0.0, 1 / 3], "top_p=0.7", rtol=1e-10, atol=1e-15)
    check_close(m.filter_probs(logits, top_p=0.8), [0.0, 0.5 / 0.9, 0.15 / 0.9, 0.25 / 0.9], "top_p=0.8", rtol=1e-10, atol=1e-15)
    check_close(m.filter_probs(logits, top_p=0.01), [0.0, 1.0, 0.0, 0.0], "top_p=0.01", rtol=1e-10, atol=1e-15)
    check_close(m.filter_probs(logits, top_p=1.0), [0.1, 0.5, 0.15, 0.25], "top_p=1.0 (off)", rtol=1e-10)
    # Tokens 0 and 2 tie at 0.25; the nucleus needs one of them, and the stated tie-break keeps the lower id.
    tied = np.log([0.25, 0.5, 0.25])
    check_close(m.filter_probs(tied, top_p=0.6), [1 / 3, 2 / 3, 0.0], "top_p=0.6 with tokens 0 and 2 tied", rtol=1e-10, atol=1e-15)


def test_order_temperature_then_top_k_then_top_p(m):
    """Top-p runs on the renormalized top-k survivors, after temperature"""
    logits = np.log([0.4, 0.3, 0.2, 0.1])
    # After top_k=2 the survivors are 4/7 and 3/7; 4/7 >= 0.5, so top_p=0.5 keeps one token.
    check_close(m.filter_probs(logits, top_k=2, top_p=0.5), [1.0, 0.0, 0.0, 0.0], "top_k=2 then top_p=0.5", rtol=1e-10, atol=1e-15)
    # Temperature first: at T=1, top_p=0.75 keeps 2 tokens; at T=2 the flatter distribution needs 3.
    z = np.array([2.0, 1.0, 0.0, -1.0])
    p1 = _softmax(z)
    check_close(m.filter_probs(z, temperature=1.0, top_p=0.75), np.r_[p1[:2] / p1[:2].sum(), 0, 0], "T=1, top_p=0.75", rtol=1e-10, atol=1e-15)
    p2 = _softmax(z / 2)
    check_close(m.filter_probs(z, temperature=2.0, top_p=0.75), np.r_[p2[:3] / p2[:3].sum(), 0], "T=2, top_p=0.75", rtol=1e-10, atol=1e-15)


def test_random_vocabulary_matches_reference(m):
    """A random 50-token vocabulary with T=0.8, top_k=20, top_p=0.85 matches a loop reference"""
    rng = np.random.default_rng(0)
    logits = rng.normal(scale=2.0, size=50)
    z = logits / 0.8
    ranked = sorted(range(50), key=lambda i: -z[i])
    kept = ranked[:20]
    w = np.exp(z[kept] - z[kept].max())
    w = w / w.sum()
    nucleus, total = [], 0.0
    for token, prob in zip(kept, w):
        nucleus.append(token)
        total += prob
        # Cumulative mass is 0.824 after 8 tokens and 0.873 after 9: p=0.85 sits well clear of both.
        if total >= 0.85:
            break
    expected = np.zeros(50)
    expected[nucleus] = w[: len(nucleus)] / w[: len(nucleus)].sum()
    check(len(nucleus) == 9, f"test setup: the nucleus should hold 9 tokens, got {len(nucleus)}")
    probs = m.filter_probs(logits, temperature=0.8, top_k=20, top_p=0.85)
    check_shape(probs, (50,), "filter_probs")
    check_close(probs, expected, "filter_probs(T=0.8, top_k=20, top_p=0.85)", rtol=1e-9, atol=1e-15)


def test_sampling_frequencies(m):
    """40,000 samples follow the filtered distribution and never pick a removed token"""
    logits = np.log([0.05, 0.35, 0.1, 0.3, 0.2])
    target = np.array([0.0, 0.35, 0.0, 0.3, 0.2]) / 0.85  # top_p=0.8 keeps 0.35, 0.3 and 0.2
    samples = np.asarray(m.sample_tokens(logits, np.random.default_rng(123), top_p=0.8, num_samples=40_000))
    check_shape(samples, (40_000,), "sample_tokens(num_samples=40000)")
    check(np.issubdtype(samples.dtype, np.integer), f"token ids must be integers, got dtype {samples.dtype}")
    counts = np.bincount(samples, minlength=5)
    check_equal(counts[[0, 2]].tolist(), [0, 0], "draws of removed tokens 0 and 2")
    freq = counts / samples.size
    # Standard error is at most sqrt(0.25 / 40000) = 0.0025; allow six of them.
    check_close(freq, target, "sample frequencies", rtol=0, atol=0.015)


def test_generator_controls_randomness(m):
    """The same seed reproduces the samples, whatever NumPy's global seed is"""
    logits = np.zeros(10)
    np.random.seed(1)
    a = np.asarray(m.sample_tokens(logits, np.random.default_rng(7), num_samples=200))
    np.random.seed(2)
    b = np.asarray(m.sample_tokens(logits, np.random.default_rng(7), num_samples=200))
    c = np.asarray(m.sample_tokens(logits, np.random.default_rng(8), num_samples=200))
    check_equal(a, b, "samples from two generators with seed 7")
    check(not np.array_equal(a, c), "seeds 7 and 8 should give different samples")
    check_shape(np.asarray(m.sample_tokens(logits, np.random.default_rng(0))), (1,), "sample_tokens default num_samples")


def test_invalid_arguments_raise(m):
    """temperature <= 0, negative top_k and top_p outside (0, 1] raise ValueError"""
    logits = np.array([0.0, 1.0, 2.0])
    check_raises(ValueError, lambda: m.filter_probs(logits, temperature=0.0), "temperature=0")
    check_raises(ValueError, lambda: m.filter_probs(logits, temperature=-1.0), "temperature=-1")
    check_raises(ValueError, lambda: m.filter_probs(logits, top_k=-1), "top_k=-1")
    check_raises(ValueError, lambda: m.filter_probs(logits, top_p=0.0), "top_p=0")
    check_raises(ValueError, lambda: m.filter_probs(logits, top_p=1.5), "top_p=1.5")
