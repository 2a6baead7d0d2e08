"""Fixtures for the claim tests: ``world`` is the record of tests/claims/world.py, built on
each backend through ``rec`` (an empty record) and ``import table``."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplotrack as dt
from tests.claims.world import build


@pytest.fixture
def world(rec: dt.Record, tmp_path: Path) -> dt.Record:
    return build(rec, tmp_path)
