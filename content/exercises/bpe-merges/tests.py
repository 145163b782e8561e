import random

from mlprep_check import check, check_equal


def _reference_train(word_freqs, num_merges):
    # Independent of the exercise: segmentations as space-joined strings, explicit scans.
    segs = {w: " ".join(w) for w in word_freqs}
    merges = []
    while len(merges) < num_merges:
        counts = {}
        for w, seg in segs.items():
            parts = seg.split(" ")
            for i in range(len(parts) - 1):
                key = (parts[i], parts[i + 1])
                counts[key] = counts.get(key, 0) + word_freqs[w]
        if not counts:
            break
        top = max(counts.values())
        best = sorted(k for k, c in counts.items() if c == top)[0]
        merges.append(best)
        for w, seg in segs.items():
            parts, out, i = seg.split(" "), [], 0
            while i < len(parts):
                if i < len(parts) - 1 and (parts[i], parts[i + 1]) == best:
                    out.append(parts[i] + parts[i + 1])
                    i += 2
                else:
                    out.append(parts[i])
                    i += 1
            segs[w] = " ".join(out)
    return merges, segs


def _as_pairs(merges):
    return [tuple(p) for p in merges]


def test_merge_pair_left_to_right(m):
    """merge_pair merges every occurrence of whole symbols, left to right, without overlaps"""
    symbols = ["a", "b", "c", "a", "b"]
    check_equal(m.merge_pair(symbols, ("a", "b")), ["ab", "c", "ab"], "merge ('a', 'b') in a b c a b")
    check_equal(symbols, ["a", "b", "c", "a", "b"], "symbols after the call (must not be modified)")
    check_equal(m.merge_pair(["a", "a", "a"], ("a", "a")), ["aa", "a"], "merge ('a', 'a') in a a a")
    check_equal(m.merge_pair(["a", "a", "a", "a"], ("a", "a")), ["aa", "aa"], "merge ('a', 'a') in a a a a")
    check_equal(m.merge_pair(["b", "a"], ("a", "b")), ["b", "a"], "merge ('a', 'b') in b a (order matters)")
    check_equal(m.merge_pair(["x"], ("x", "x")), ["x"], "merge in a single symbol")
    # Symbols match whole, not as substrings: "ab c" contains "b c" as text but not the pair ('b', 'c').
    check_equal(m.merge_pair(["ab", "c"], ("b", "c")), ["ab", "c"], "merge ('b', 'c') in ab c")


def test_hand_checked_corpus(m):
    """tent:4, ten:6, net:3, nest:2 learns (e,n), (t,en), (n,e), (ten,t)"""
    corpus = {"tent": 4, "ten": 6, "net": 3, "nest": 2}
    # Step 1: (t,e) and (e,n) both count 10, and ('e','n') < ('t','e'). Step 3: (n,e) = 3 + 2.
    expected = [("e", "n"), ("t", "en"), ("n", "e"), ("ten", "t")]
    check_equal(_as_pairs(m.train_bpe(corpus, 4)), expected, "train_bpe(corpus, 4)")
    check_equal(corpus, {"tent": 4, "ten": 6, "net": 3, "nest": 2}, "corpus after the call (must not be modified)")


def test_counts_are_weighted_by_frequency(m):
    """A pair in a frequent word beats a pair that occurs more often in a rare word"""
    # ('a','b') occurs twice in "abab" (count 2 x 1); ('c','d') once in "cd" (count 1 x 3).
    check_equal(_as_pairs(m.train_bpe({"abab": 1, "cd": 3}, 1)), [("c", "d")], "first merge")
    # Overlapping positions count: "zzzz" has ('z','z') three times, beating "yy" x 2.
    # Counting only non-overlapping pairs would give 2 vs 2, and the tie-break would pick ('y','y').
    check_equal(_as_pairs(m.train_bpe({"yy": 2, "zzzz": 1}, 3)), [("z", "z"), ("y", "y"), ("zz", "zz")], "merges for yy:2, zzzz:1")


def test_ties_go_to_the_smallest_pair(m):
    """Equal counts are broken by tuple order, not by dictionary order"""
    check_equal(_as_pairs(m.train_bpe({"dc": 2, "ba": 2}, 2)), [("b", "a"), ("d", "c")], "merges for dc:2, ba:2")
    check_equal(_as_pairs(m.train_bpe({"ac": 1, "ab": 1}, 1)), [("a", "b")], "first merge for ac:1, ab:1")


def test_stops_when_nothing_is_left(m):
    """Training stops early once every word is one symbol; num_merges=0 learns nothing"""
    check_equal(_as_pairs(m.train_bpe({"ab": 1, "c": 5}, 5)), [("a", "b")], "train_bpe({'ab': 1, 'c': 5}, 5)")
    check_equal(_as_pairs(m.train_bpe({"tent": 4, "ten": 6}, 0)), [], "train_bpe(corpus, 0)")
    full = _as_pairs(m.train_bpe({"tent": 4, "ten": 6, "net": 3, "nest": 2}, 50))
    check_equal(len(full), 7, "number of merges before every word is a single symbol")


def test_encode_replays_merges_in_order(m):
    """encode applies the merges in order, leaving unseen characters alone"""
    merges = [("e", "n"), ("t", "en"), ("n", "e"), ("ten", "t")]
    check_equal(m.encode("tent", merges), ["tent"], "encode('tent')")
    check_equal(m.encode("sentnet", merges), ["s", "en", "t", "ne", "t"], "encode('sentnet')")
    check_equal(m.encode("ten", list(reversed(merges))), ["t", "en"], "encode('ten') with the merges reversed")
    check_equal(m.encode("xyz", merges), ["x", "y", "z"], "encode('xyz') (no known pairs)")
    check_equal(m.encode("", merges), [], "encode('')")


def test_random_corpus_matches_reference(m):
    """A random corpus over a, b, c matches a reference trainer, and encode reproduces its segmentation"""
    rng = random.Random(0)
    corpus = {}
    while len(corpus) < 12:
        word = "".join(rng.choice("abc") for _ in range(rng.randint(1, 7)))
        corpus[word] = rng.randint(1, 9)
    expected, segs = _reference_train(corpus, 10)
    merges = _as_pairs(m.train_bpe(dict(corpus), 10))
    check_equal(merges, expected, "train_bpe(random corpus, 10)")
    for word in sorted(corpus):
        check_equal(m.encode(word, expected), segs[word].split(" "), f"encode({word!r})")
