from __future__ import annotations


def merge_pair(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replaces each occurrence of pair in symbols, scanning left to right without overlaps.

    ["a", "a", "a"] with ("a", "a") gives ["aa", "a"]. Returns a new list.
    """
    raise NotImplementedError


def train_bpe(word_freqs: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learns up to num_merges merges from a {word: count} corpus, starting from characters.

    Each step merges the adjacent pair with the largest frequency-weighted count; ties go to
    the smallest pair in tuple order. Stops early when no pair is left.
    Returns the merges in the order learned.
    """
    raise NotImplementedError


def encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Splits word into characters, then applies every merge in the order it was learned."""
    raise NotImplementedError
