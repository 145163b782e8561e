"""Runs an exercise's hidden tests against the user's file and reports one JSON line per event.

Usage: python mlprep_run.py ATTEMPT_FILE TESTS_FILE [TEST_NAME ...]

Events on stdout, each one line starting with "@mlprep ", then JSON:
  {"event": "start", "python": "3.11.7", "numpy": "2.4.6", "tests": [{"name", "label"}]}
  {"event": "result", "name", "label", "status": "passed"|"failed"|"errored",
   "message", "expected", "actual", "output", "durationMs"}
  {"event": "loadError", "message"}          the attempt or the tests could not be imported
  {"event": "missingNumpy", "python"}         exit code 3
  {"event": "done", "passed", "failed"}
Anything the user's code prints is captured per test (capped) and never mixed into the events.
On POSIX the run ends (exit code 4) once the process that started it is gone.
"""
import contextlib
import importlib.util
import io
import json
import os
import signal
import sys
import threading
import time
import traceback

MARK = "@mlprep "
OUTPUT_CAP = 4000
MESSAGE_CAP = 2000
_real_stdout = sys.stdout


def emit(event):
    _real_stdout.write(MARK + json.dumps(event) + "\n")
    _real_stdout.flush()


def cap(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CappedOutput(io.StringIO):
    """Keeps the first `limit` characters written: a print loop must not fill the memory
    before the timeout ends it. One more than OUTPUT_CAP, so cap() marks the cut."""

    def __init__(self, limit):
        super().__init__()
        self._room = limit

    def write(self, text):
        kept = text[: max(self._room, 0)]
        super().write(kept)
        self._room -= len(kept)
        return len(text)


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def label_of(name, fn):
    doc = (fn.__doc__ or "").strip().splitlines()
    return doc[0].strip() if doc else name[len("test_"):].replace("_", " ")


def short_traceback(error, attempt_path):
    """The user's own frames only, so the message points at their line."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if os.path.abspath(f.filename) == attempt_path]
    lines = [f"  {os.path.basename(f.filename)}:{f.lineno} in {f.name}: {f.line}" for f in frames[-3:]]
    head = f"{type(error).__name__}: {error}"
    return head + ("\n" + "\n".join(lines) if lines else "")


def end_with_parent():
    """POSIX: ends the run once the process that started it is gone (the editor was killed), so
    an endless loop in the user's code does not spin on unwatched. When the run leads its own
    process group, as the extension starts it, the children the user's code started go too."""
    if os.name != "posix":
        return
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        if os.getpgrp() == os.getpid():
            os.killpg(os.getpid(), signal.SIGKILL)
        os._exit(4)

    threading.Thread(target=watch, name="mlprep-parent-watch", daemon=True).start()


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    end_with_parent()
    attempt_path, tests_path = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    only = set(argv[3:])
    try:
        import numpy
    except ImportError:
        emit({"event": "missingNumpy", "python": sys.executable})
        return 3
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        tests = load(tests_path, "mlprep_hidden_tests")
    except Exception as error:  # noqa: BLE001
        emit({"event": "loadError", "message": cap(f"the hidden tests could not be loaded: {error}", MESSAGE_CAP)})
        return 1
    cases = [(n, getattr(tests, n)) for n in dir(tests) if n.startswith("test_") and callable(getattr(tests, n))]
    cases.sort(key=lambda case: case[1].__code__.co_firstlineno)
    if only:
        cases = [c for c in cases if c[0] in only]
    emit({
        "event": "start",
        "python": ".".join(map(str, sys.version_info[:3])),
        "numpy": numpy.__version__,
        "tests": [{"name": n, "label": label_of(n, f)} for n, f in cases],
    })
    captured = CappedOutput(OUTPUT_CAP + 1)
    try:
        with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
            attempt = load(attempt_path, "mlprep_attempt")
    except Exception as error:  # noqa: BLE001
        emit({"event": "loadError", "message": cap(short_traceback(error, attempt_path) or repr(error), MESSAGE_CAP), "output": cap(captured.getvalue(), OUTPUT_CAP)})
        return 1
    passed = failed = 0
    for name, fn in cases:
        out = CappedOutput(OUTPUT_CAP + 1)
        result = {"event": "result", "name": name, "label": label_of(name, fn)}
        started = time.perf_counter()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                fn(attempt)
            result["status"] = "passed"
            passed += 1
        except AssertionError as error:
            result["status"] = "failed"
            result["message"] = cap(str(error) or "assertion failed", MESSAGE_CAP)
            for key in ("expected", "actual"):
                value = getattr(error, key, None)
                if value is not None:
                    result[key] = value
            failed += 1
        except NotImplementedError:
            result["status"] = "failed"
            result["message"] = "not implemented yet: replace the NotImplementedError in your file"
            failed += 1
        except Exception as error:  # noqa: BLE001
            result["status"] = "errored"
            result["message"] = cap(short_traceback(error, attempt_path), MESSAGE_CAP)
            failed += 1
        result["durationMs"] = round((time.perf_counter() - started) * 1000, 2)
        result["output"] = cap(out.getvalue(), OUTPUT_CAP)
        emit(result)
    emit({"event": "done", "passed": passed, "failed": failed})
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
