"""The order make test runs its files in (tests/conftest.py, LONGEST_FIRST) names files that exist."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def listed_first() -> list[str]:
    tree = ast.parse((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "LONGEST_FIRST" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("tests/conftest.py has no LONGEST_FIRST")


def test_every_file_listed_to_run_first_exists():
    names = listed_first()
    assert names and len(set(names)) == len(names)
    for name in names:
        assert (ROOT / name).is_file(), name
