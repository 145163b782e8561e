# Postponed annotations let the type hints below run on Python 3.8 and 3.9.
from __future__ import annotations

import numpy as np


def gini(y: np.ndarray) -> float:
    """Gini impurity 1 - sum_c p_c**2 of integer labels y; 0 for an empty array."""
    raise NotImplementedError


def best_split(x: np.ndarray, y: np.ndarray) -> tuple[float | None, float]:
    """Threshold on x minimizing the weighted Gini impurity of the two children.

    x: (n,) floats, any order, repeats allowed. y: (n,) integer labels.
    Candidates are midpoints between consecutive distinct sorted values; x <= t goes left.
    Scores within 1e-12 of the minimum tie, and the smallest tied threshold wins.
    Returns (threshold, weighted_impurity), or (None, gini(y)) if x has one distinct value.
    """
    raise NotImplementedError
