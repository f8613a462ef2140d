"""Something built once for a whole test run, shared by the pytest-xdist workers (the tools'
tests' site copies and print pack: see conftest.py)."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock, each worker builds its own copy
    fcntl = None


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder every worker of this run shares (the workers' parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl else base


@contextlib.contextmanager
def locked(path: Path):
    with open(path, "w") as handle:
        if fcntl:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl:
                fcntl.flock(handle, fcntl.LOCK_UN)


def shared(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` run once for the whole test run (across workers); the folder."""
    root = run_folder(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with locked(root / f"{name}.lock"):
        if not done.exists():
            make(folder)
            done.write_text("built\n")
    return folder


