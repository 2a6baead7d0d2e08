"""End-to-end fixtures: records served by uvicorn, driven by Debian's Chromium.

- ``server``: the URL of the demo record (data/demo), shared and read-only.
- ``serve``: ``url = serve(settings)`` serves a record a test has seeded itself (see
  test_review_e2e.py: the demo sample, one news text ingested, a token).
- ``tab`` (desktop and 390-px phone) and ``desktop``: a page, the script errors it logged
  (``tab.errors``) and ``tab.shot(name)`` for screenshots.

Skipped, with the reason, only when /usr/bin/chromium is missing. Screenshots go to
``test-artifacts/`` at the project root (or ``$DIPLOTRACK_ARTIFACTS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from diplotrack.api import create_app
from diplotrack.settings import Settings
from diplotrack.web.demo import load_demo
from tests.e2e.live import CHROMIUM, LiveServer, artifacts_dir, launch_chromium

if not CHROMIUM.exists():
    pytest.skip(f"end-to-end tests need Chromium at {CHROMIUM}", allow_module_level=True)

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def demo_record(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The demo sample in a fresh SQLite file (tests that write must make their own)."""
    return load_demo(tmp_path_factory.mktemp("e2e") / "demo.sqlite", user="e2e")


@pytest.fixture(scope="session")
def server(demo_record: Settings) -> Iterator[str]:
    """The base URL of the app serving the demo record."""
    app = create_app(demo_record)
    with LiveServer(app) as url:
        yield url
    app.state.record.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Settings], str]]:
    """Serve another record for one test: ``url = serve(settings)`` (stopped afterwards).
    Seed the record first (an import, the library, or API calls on a TestClient)."""
    with ExitStack() as stack:

        def start(settings: Settings) -> str:
            app = create_app(settings)
            stack.callback(app.state.record.close)
            return stack.enter_context(LiveServer(app))

        yield start


@dataclass
class Tab:
    """A browser page at one width, the script errors it logged, and its screenshots."""

    page: Page
    width: int
    errors: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        path = artifacts_dir() / f"{name}-{self.width}px.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def open_tab(browser: Browser, viewport: ViewportSize) -> Tab:
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    tab = Tab(context.new_page(), viewport["width"])
    tab.page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.page.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    return tab


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:
    """A page at desktop width and at phone width (390 px)."""
    opened = open_tab(browser, request.param)
    yield opened
    opened.page.context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Tab]:
    opened = open_tab(browser, DESKTOP)
    yield opened
    opened.page.context.close()
