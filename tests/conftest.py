"""Shared fixtures and the hypothesis profile (derandomised, so CI runs are repeatable)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

import helpers

settings.register_profile(
    "kit", derandomize=True, deadline=None, max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("kit")


@pytest.fixture(scope="session")
def cable() -> helpers.Transcript:
    return helpers.load_cable()
