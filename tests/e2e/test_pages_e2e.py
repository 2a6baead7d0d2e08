"""The pages in a real browser: the map and the numbered list, the office switch, the claim
checker, search as you type, keyboard use and the downloads; screenshots as artifacts."""

from __future__ import annotations

import re

from tests.e2e.conftest import Tab

EMPTY_FILL = "#e4e6ea"


def shaded(tab: Tab) -> dict[str, int]:
    """The countries the map shades, with the count each shows."""
    found: dict[str, int] = tab.page.eval_on_selector_all(
        "#map svg [data-code]",
        "nodes => Object.fromEntries(nodes.filter(n => +n.dataset.count > 0)"
        ".map(n => [n.dataset.code, +n.dataset.count]))",
    )
    return found


def test_leader_page_map_and_numbered_list(tab: Tab, server: str) -> None:
    page = tab.page
    page.goto(f"{server}/leader/vladimir-putin")
    page.wait_for_selector('#map svg a [data-code="KAZ"]')
    counts = shaded(tab)
    assert counts["KAZ"] == 10 and counts["CHN"] == 8 and counts["BLR"] == 6
    assert "USA" not in counts
    fill = page.get_attribute('#map [data-code="KAZ"]', "fill")
    assert fill and fill != EMPTY_FILL
    assert page.get_attribute('#map [data-code="USA"]', "fill") == EMPTY_FILL
    items = page.locator("#country-KAZ ol.visits > li")
    assert [items.nth(i).get_attribute("value") for i in range(items.count())] == [
        str(n) for n in range(1, 12)
    ]
    assert "2024-11-27" in items.nth(9).inner_text()
    page.wait_for_selector("#timeline svg rect")
    tab.shot("leader-putin")
    assert tab.errors == []


def test_office_switch_reshades_the_map(tab: Tab, server: str) -> None:
    page = tab.page
    page.goto(f"{server}/leader/vladimir-putin")
    page.wait_for_selector('#map [data-code="KAZ"]')
    page.get_by_label("Prime Minister").check()
    page.wait_for_function(
        "document.querySelector('#map-status').textContent.includes('as Prime Minister')"
    )
    counts = shaded(tab)
    assert counts == {"KAZ": 1, "CHN": 1, "BLR": 1, "FRA": 1, "TUR": 1, "UKR": 1}
    tab.shot("leader-putin-prime-minister")
    assert tab.errors == []


def test_map_links_open_the_country_in_the_list(desktop: Tab, server: str) -> None:
    page = desktop.page
    page.goto(f"{server}/leader/vladimir-putin")
    page.wait_for_selector('#map a [data-code="TUR"]')
    assert page.eval_on_selector("#country-TUR", "d => d.open") is False
    page.click('#map a:has([data-code="TUR"])', force=True)
    page.wait_for_function("document.querySelector('#country-TUR').open")


def test_claim_checker_marks_figures_with_verdicts(tab: Tab, server: str) -> None:
    page = tab.page
    page.goto(f"{server}/check")
    page.click("#load-sample")
    assert "10th visit" in page.input_value("#text")
    page.click("#check-form button[type=submit]")
    page.wait_for_selector("#check-results .claim")
    verdicts = page.eval_on_selector_all(
        "#check-results ol.claims > li", "items => items.map(i => i.classList[1])"
    )
    assert verdicts == ["supported"] * 3 + ["close", "unverifiable", "close", "contradicted"]
    marks = page.locator("#check-results a.mark")
    assert marks.count() == 7
    assert marks.first.inner_text().startswith("10th visit")
    assert "7 figures checked as of 2024-11-27" in page.inner_text("#check-results h2")
    page.locator("#claim-7 summary").click()
    assert page.locator("#claim-7 .trips-behind li").count() == 8
    tab.shot("check-sample")
    assert tab.errors == []


def test_search_answers_as_you_type(desktop: Tab, server: str) -> None:
    page = desktop.page
    page.goto(server + "/")
    page.fill("#q", "Токаев")
    page.wait_for_selector('#results a[href="/leader/kassym-jomart-tokayev"]')
    page.fill("#q", "Казах")
    page.wait_for_selector('#results a[href="/country/KAZ"]')
    assert "found" in page.inner_text("#search-status")
    desktop.shot("search")
    assert desktop.errors == []


def test_country_and_pair_pages_draw_their_charts(tab: Tab, server: str) -> None:
    page = tab.page
    page.goto(f"{server}/country/KAZ")
    page.wait_for_selector("#years-chart svg rect")
    tab.shot("country-kaz")
    page.goto(f"{server}/pair/RUS/KAZ")
    page.wait_for_selector("#pair-chart svg rect")
    assert page.locator("#pair-chart svg .legend text").all_text_contents() == [
        "Russia → Kazakhstan",
        "Kazakhstan → Russia",
    ]
    tab.shot("pair-rus-kaz")
    assert tab.errors == []


def test_keyboard_reaches_content_with_a_visible_focus(desktop: Tab, server: str) -> None:
    page = desktop.page
    page.goto(f"{server}/leader/vladimir-putin")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName")
    assert focused in ("A", "INPUT", "BUTTON")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_tables_and_charts_download(desktop: Tab, server: str) -> None:
    page = desktop.page
    page.goto(f"{server}/leader/vladimir-putin")
    page.wait_for_selector("#timeline svg rect")
    with page.expect_download() as csv_download:
        page.click('[data-csv="countries-table"]')
    csv = csv_download.value.path().read_text(encoding="utf-8-sig")
    assert csv.splitlines()[:2] == [
        "Country,Visits,As Prime Minister,As President",
        "Kazakhstan,10,1,9",
    ]
    with page.expect_download() as svg_download:
        page.click('[data-svg="timeline"]')
    svg = svg_download.value.path().read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert svg_download.value.suggested_filename == "vladimir-putin-timeline.svg"
    with page.expect_download() as png_download:
        page.click('[data-png="map"]')
    assert png_download.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_review_page_reports_the_queue_state(desktop: Tab, server: str) -> None:
    page = desktop.page
    page.goto(f"{server}/review")
    page.wait_for_function(
        "!document.querySelector('#queue-status').textContent.startsWith('Loading')"
    )
    status = page.inner_text("#queue-status")
    assert re.search(r"no review queue yet|pending item|No pending items", status), status


def test_pages_without_data_run_without_script_errors(desktop: Tab, server: str) -> None:
    page = desktop.page
    for path in ("/leader/joe-biden", "/country/ISL", "/pair/ISL/NZL", "/trip/demo-putin-2012-05"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    page.goto(f"{server}/leader/joe-biden")
    page.wait_for_selector("#map svg")
    assert shaded(desktop) == {}
    assert "No trips in this range." in page.inner_text("#timeline")
    assert desktop.errors == []
