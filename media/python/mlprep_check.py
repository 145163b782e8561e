"""Checks used by the hidden tests of ML Interview Prep exercises.

A failed check raises CheckFailed, an AssertionError that also carries the expected and the
actual value, so the runner can show both in VS Code's Testing view.
"""
import numpy as np

_MAX_REPR = 600


class CheckFailed(AssertionError):
    def __init__(self, message, expected=None, actual=None):
        super().__init__(message)
        self.expected = expected
        self.actual = actual


def _show(value):
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=6, threshold=50, edgeitems=3, linewidth=100):
            text = f"array(shape={value.shape}, dtype={value.dtype}) {np.array2string(value)}"
    else:
        text = repr(value)
    return text if len(text) <= _MAX_REPR else text[: _MAX_REPR - 1] + "…"


def fail(message, expected=None, actual=None):
    raise CheckFailed(message, None if expected is None else _show(expected), None if actual is None else _show(actual))


def check(condition, message):
    """Fails with message when condition is false."""
    if not condition:
        raise CheckFailed(message)


def check_close(actual, expected, what, rtol=1e-6, atol=1e-8):
    """Compares arrays or numbers with a tolerance, after checking the shape; NaN or inf fail."""
    try:
        a = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        fail(f"{what}: expected numbers, got {type(actual).__name__}", expected, actual)
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        fail(f"{what}: shape {a.shape}, expected {e.shape}", expected, actual)
    if not np.all(np.isfinite(a)) and np.all(np.isfinite(e)):
        fail(f"{what}: contains NaN or inf", expected, actual)
    if not np.allclose(a, e, rtol=rtol, atol=atol):
        worst = float(np.max(np.abs(a - e))) if a.size else 0.0
        fail(f"{what}: values differ (largest difference {worst:.3g}, tolerance rtol={rtol:g}, atol={atol:g})", expected, actual)


def check_equal(actual, expected, what):
    """Exact equality for ints, strings, lists and integer arrays."""
    if isinstance(expected, np.ndarray) or isinstance(actual, np.ndarray):
        a, e = np.asarray(actual), np.asarray(expected)
        if a.shape != e.shape:
            fail(f"{what}: shape {a.shape}, expected {e.shape}", expected, actual)
        if not np.array_equal(a, e):
            fail(f"{what}: values differ", expected, actual)
        return
    if actual != expected:
        fail(f"{what}: not equal", expected, actual)


def check_shape(actual, shape, what):
    a = np.asarray(actual)
    if a.shape != tuple(shape):
        fail(f"{what}: shape {a.shape}, expected {tuple(shape)}", tuple(shape), a.shape)


def check_raises(error_type, call, what):
    """Calls call() and fails unless it raises error_type."""
    try:
        call()
    except error_type:
        return
    except Exception as error:  # noqa: BLE001 - a different error is the finding
        fail(f"{what}: raised {type(error).__name__}, expected {error_type.__name__}")
    fail(f"{what}: raised nothing, expected {error_type.__name__}")
