from __future__ import annotations

from collections import Counter


def merge_pair(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replaces each occurrence of pair in symbols, scanning left to right without overlaps.

    ["a", "a", "a"] with ("a", "a") gives ["aa", "a"]. Returns a new list.
    """
    first, second = pair
    out: list[str] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == first and symbols[i + 1] == second:
            out.append(first + second)
            i += 2  # the merged symbol consumes both, so "a a a" becomes "aa a"
        else:
            out.append(symbols[i])
            i += 1
    return out


def train_bpe(word_freqs: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learns up to num_merges merges from a {word: count} corpus, starting from characters.

    Each step merges the adjacent pair with the largest frequency-weighted count; ties go to
    the smallest pair in tuple order. Stops early when no pair is left.
    Returns the merges in the order learned.
    """
    words = {word: list(word) for word in word_freqs}
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        counts: Counter[tuple[str, str]] = Counter()
        for word, symbols in words.items():
            for pair in zip(symbols, symbols[1:]):
                counts[pair] += word_freqs[word]
        if not counts:
            break
        # Highest count first, then the smallest pair: deterministic, unlike dict order.
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        words = {word: merge_pair(symbols, best) for word, symbols in words.items()}
    return merges


def encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Splits word into characters, then applies every merge in the order it was learned."""
    symbols = list(word)
    for pair in merges:
        symbols = merge_pair(symbols, pair)
    return symbols
