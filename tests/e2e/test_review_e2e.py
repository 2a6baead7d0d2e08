"""The review queue in a real browser against the real /api/review: a trip read from a news
text is accepted with a token, then counted on the leader page and logged on the trip page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.store import tokens
from diplotrack.web.demo import load_demo
from tests.e2e.conftest import Tab

NEWS = "Russian President Vladimir Putin arrived in Astana on Tuesday for a state visit.\n"


def seeded(folder: Path) -> tuple[Settings, str]:
    """The demo record with one pending candidate read from a news text, and a token."""
    settings = load_demo(folder / "review.sqlite", user="e2e")
    article = folder / "news.txt"
    article.write_text(NEWS, encoding="utf-8")
    with Record(settings=settings) as rec:
        rec.ingest([str(article)], published_default="2025-05-27", fetch=False, workers=1)
        with rec.db.transaction() as conn:
            secret = tokens.create(conn, "desk-editor", who="e2e")
    return settings, secret


def test_accepting_an_item_adds_a_counted_trip(
    tab: Tab, tmp_path: Path, serve: Callable[[Settings], str]
) -> None:
    settings, secret = seeded(tmp_path)
    url = serve(settings)
    page = tab.page
    page.goto(f"{url}/review")
    item = page.locator("#queue > li.item").first
    item.wait_for()
    assert "Vladimir Putin" in item.inner_text() and "Kazakhstan" in item.inner_text()
    assert "arrived in Astana" in item.locator("blockquote.evidence").inner_text()
    page.fill("#token", secret)
    page.click("#token-form button[type=submit]")
    item.get_by_label("Reason (kept in the change log)").fill("Kremlin announcement")
    item.get_by_role("button", name="Accept").click()
    done = page.locator("#queue .notice.ok")
    done.wait_for()
    assert done.inner_text().startswith("Accepted: now trip")
    tab.shot("review-accepted")
    trip_link = done.locator("a").get_attribute("href")
    page.goto(f"{url}/leader/vladimir-putin")
    page.wait_for_selector('#map [data-code="KAZ"]')
    assert page.get_attribute('#map [data-code="KAZ"]', "data-count") == "11"
    page.goto(f"{url}{trip_link}")
    history = page.inner_text("#history-table")
    assert "desk-editor" in history and "Kremlin announcement" in history
    assert tab.errors == []


def test_a_write_without_a_token_is_explained(
    desktop: Tab, tmp_path: Path, serve: Callable[[Settings], str]
) -> None:
    settings, _ = seeded(tmp_path)
    page = desktop.page
    page.goto(f"{serve(settings)}/review")
    item = page.locator("#queue > li.item").first
    item.get_by_role("button", name="Reject").click()
    item.locator(".item-status", has_text="Save your API token").wait_for()
