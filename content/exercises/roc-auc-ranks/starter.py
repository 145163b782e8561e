import numpy as np


def average_ranks(x: np.ndarray) -> np.ndarray:
    """1-based ranks of x in its original order, tied values sharing their average rank.

    x: (n,) finite floats. Returns (n,) floats, e.g. [10, 20, 20, 5] -> [2, 3.5, 3.5, 1].
    """
    raise NotImplementedError


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC-AUC via the Mann-Whitney U statistic, ties between classes counted as half.

    scores: (n,) finite floats. labels: (n,) 0/1 values. Raises ValueError if only one class
    is present. Runs in O(n log n).
    """
    raise NotImplementedError
