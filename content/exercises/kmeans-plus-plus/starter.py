# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def kmeans_plus_plus_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding: first center uniform, each next one drawn proportionally to D².

    X: (n, d) float array. k: number of centers. rng: use rng.integers(n) for the first index
    and rng.choice(n, p=d2 / d2.sum()) for each later one, nothing else.
    Returns a (k, d) array of rows of X, in the order they were drawn.
    """
    raise NotImplementedError


def kmeans(X: np.ndarray, k: int, rng: np.random.Generator, n_iters: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's algorithm started from kmeans_plus_plus_init(X, k, rng).

    Each iteration assigns points to the nearest center (ties to the lower index) and moves every
    non-empty cluster's center to its mean; stops early when no center moves.
    Returns (centers, labels): (k, d) floats and (n,) integer indexes of the nearest final center.
    """
    raise NotImplementedError
