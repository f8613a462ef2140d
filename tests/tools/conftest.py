"""The tools' tests: the handouts package on the path; the three copies of the site built once
for the whole run; one headless Chromium per test process, shared by every browser test.

``make test`` runs the tests in two worker processes (pytest-xdist). A session fixture lives in
one process, so each worker would build the site again; instead the first worker that asks
builds each copy into the run's shared temporary folder, under a lock, and the other waits and
reads the same pages (``shared``). The print pack (test_print_pack.py) is printed the same way,
once per run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

from handouts import build  # noqa: E402
from handouts.browser import DevTools, find_chromium  # noqa: E402
from shared_build import shared  # noqa: E402 (tests/tools/shared_build.py)

ROOT = TOOLS.parent

def built(copy: str):
    def make(out: Path) -> None:
        warnings = build.build(out, run=False, log=lambda *_: None, copy=copy)
        if copy != "teacher":
            assert warnings == []  # links to the guide become text; nothing is broken
    return make


@pytest.fixture(scope="session")
def stored_site(tmp_path_factory) -> Path:
    """The teacher's copy, built from the notebooks' stored outputs (no kernel: fast), once per run."""
    return shared(tmp_path_factory, "site-stored", built("teacher"))


@pytest.fixture(scope="session")
def students_site(tmp_path_factory) -> Path:
    """The students' copy, from the stored outputs, once per run."""
    return shared(tmp_path_factory, "site-students", built("students"))


@pytest.fixture(scope="session")
def self_study_site(tmp_path_factory) -> Path:
    """The self-study copy, from the stored outputs, once per run."""
    return shared(tmp_path_factory, "site-self-study", built("self-study"))


def chromium_or_skip() -> str:
    """The Chromium binary; installs Debian's package when missing; skips only if that fails
    (``KIT_REQUIRE_BROWSER=1``, set by ``.ci/run``, makes that a failure)."""
    binary = find_chromium()
    if binary:
        return binary
    installer = ROOT / "tools" / "install_chromium.sh"
    result = subprocess.run(["sh", str(installer)], capture_output=True, text=True, timeout=600)
    binary = find_chromium()
    if binary:
        return binary
    reason = (
        "!!! BROWSER TEST NOT RUN: Chromium is not installed and tools/install_chromium.sh could "
        f"not install it (exit {result.returncode}): {(result.stderr or result.stdout).strip()[-400:]}"
    )
    if os.environ.get("KIT_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every browser test of this process (each test opens its own tab)."""
    binary = chromium_or_skip()
    with tempfile.TemporaryDirectory(prefix="kit-chromium-", ignore_cleanup_errors=True) as tmp:
        with DevTools(binary, Path(tmp) / "profile") as browser:
            yield browser
