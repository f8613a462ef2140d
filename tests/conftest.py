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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that validates against the TEI's own schema (the ``schema`` fixture of
    tests/library/test_formats_tei.py: tei_all.rng takes several seconds to compile) is marked
    ``schema``, so that ``make test-fast`` can leave it out; ``make test`` runs it."""
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
