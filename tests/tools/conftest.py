"""The tools' tests: the handouts package on the path, and the site built once per session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))

from handouts import build  # noqa: E402


@pytest.fixture(scope="session")
def stored_site(tmp_path_factory) -> Path:
    """The site built from the notebooks' stored outputs (no kernel: fast), once per session."""
    out = tmp_path_factory.mktemp("site-stored")
    build.build(out, run=False, log=lambda *_: None)
    return out


@pytest.fixture(scope="session")
def students_site(tmp_path_factory) -> Path:
    """The students' copy, from the stored outputs, once per session."""
    out = tmp_path_factory.mktemp("site-students")
    warnings = build.build(out, run=False, log=lambda *_: None, students=True)
    assert warnings == []  # links to the guide become text; nothing is broken
    return out


@pytest.fixture(scope="session")
def self_study_site(tmp_path_factory) -> Path:
    """The self-study copy, from the stored outputs, once per session."""
    out = tmp_path_factory.mktemp("site-self-study")
    warnings = build.build(out, run=False, log=lambda *_: None, copy="self-study")
    assert warnings == []
    return out
