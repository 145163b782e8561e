# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def _squared_distances(X: np.ndarray, centers: np.ndarray) -> np.ndarray:
    # (n, k) via coordinate differences, which are never negative (unlike the expanded form).
    diff = X[:, None, :] - centers[None, :, :]
    return np.einsum("nkd,nkd->nk", diff, diff)


def kmeans_plus_plus_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding: first center uniform, each next one drawn proportionally to D².

    X: (n, d) float array. k: number of centers. rng: use rng.integers(n) for the first index
    and rng.choice(n, p=d2 / d2.sum()) for each later one, nothing else.
    Returns a (k, d) array of rows of X, in the order they were drawn.
    """
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(rng.integers(n))]
    d2 = _squared_distances(X, X[chosen])[:, 0]
    for _ in range(1, k):
        # Already chosen points have d2 = 0, so they cannot be drawn again.
        idx = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(idx)
        d2 = np.minimum(d2, _squared_distances(X, X[idx : idx + 1])[:, 0])
    return X[chosen].copy()


def kmeans(X: np.ndarray, k: int, rng: np.random.Generator, n_iters: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's algorithm started from kmeans_plus_plus_init(X, k, rng).

    Each iteration assigns points to the nearest center (ties to the lower index) and moves every
    non-empty cluster's center to its mean; stops early when no center moves.
    Returns (centers, labels): (k, d) floats and (n,) integer indexes of the nearest final center.
    """
    X = np.asarray(X, dtype=float)
    centers = kmeans_plus_plus_init(X, k, rng)
    for _ in range(n_iters):
        labels = np.argmin(_squared_distances(X, centers), axis=1)
        counts = np.bincount(labels, minlength=k)
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, X)
        # An empty cluster keeps its old center rather than becoming 0/0.
        new_centers = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centers)
        if np.array_equal(new_centers, centers):
            break
        centers = new_centers
    labels = np.argmin(_squared_distances(X, centers), axis=1)
    return centers, labels
