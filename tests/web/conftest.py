"""Fixtures for the pages: the app over the demo record (data/demo), loaded once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.settings import Settings
from diplotrack.web.demo import load_demo


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The demo record; tests that use it must not write to it."""
    return load_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", user="tester")


@pytest.fixture(scope="session")
def client(demo_settings: Settings) -> Iterator[TestClient]:
    app = create_app(demo_settings)
    with TestClient(app) as test_client:
        yield test_client
    app.state.record.close()
