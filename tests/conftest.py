"""Shared fixtures and the hypothesis profile (derandomised, so CI runs are repeatable).

``KIT_FUZZ=5000 make test`` runs the property tests with 5000 examples each instead of 150.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import helpers

settings.register_profile(
    "kit", derandomize=True, deadline=None, max_examples=int(os.environ.get("KIT_FUZZ", "150")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("kit")


#: The test files that take longest, longest first (seconds of one worker in a run of
#: 2 December 2026 on the development machine, 2 cores, in brackets). ``make test`` runs them
#: before the others: its two workers (pytest-xdist, ``--dist loadfile --no-loadscope-reorder``)
#: each take the next file when they
#: finish one, so that a long file left to the end would keep one worker busy while the other
#: has nothing to do. The order changes when the tests run, never what they check.
LONGEST_FIRST = [
    "tests/tools/test_accessibility.py",  # (39) builds the self-study copy; axe-core on every page
    "tests/tools/test_site.py",  # (18) builds the teacher's and the students' copies
    "tests/tools/test_rerun.py",  # (18) the kit's notebooks rerun on other records
    "tests/tools/test_print_pack.py",  # (15) the print pack, printed to PDF in A4 and Letter
    "tests/course/test_exercises.py",  # (14) every exercise cell on a fresh kernel
    "tests/library/test_formats_tei.py",  # (12) compiles tei_all.rng
    "tests/course/test_notebooks.py",  # (11) notebooks run on other records
    "tests/tools/test_corpus_report.py",  # (9) corpus mode's comparison notebook
    "tests/tools/test_browser.py",  # (7) every page in Chromium
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest test files first (``LONGEST_FIRST``), each file's tests in their own order.

    Every test that validates against the TEI's own schema (the ``schema`` fixture of
    tests/library/test_formats_tei.py: tei_all.rng takes several seconds to compile) is marked
    ``schema``, so that ``make test-fast`` can leave it out; ``make test`` runs it."""
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable
    for item in items:
        if "schema" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.schema)


@pytest.fixture(autouse=True)
def _the_cable_is_chosen_again():
    """A test that calls ``helpers.course.load(other_record)`` (as a rerun of a notebook does)
    makes the exercises of that worker follow the other record; put the cable back after
    every test, so that no test depends on which tests ran before it in the same process."""
    yield
    import sys
    cable_module = sys.modules.get("helpers.course.cable")
    if cable_module is not None:
        cable_module._CHOSEN = None  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def cable() -> helpers.Transcript:
    return helpers.load_cable()
