"""The pages render from the record and show its data, with scripts off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.record import Record
from diplotrack.web.demo import demo_text, load_demo


def page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    text: str = response.text
    return text


def test_front_page_lists_the_leaders_in_the_record(client: TestClient) -> None:
    html = page(client, "/")
    assert 'href="/leader/vladimir-putin"' in html
    assert "Kassym-Jomart Tokayev" in html


@pytest.mark.parametrize(
    ("query", "link"),
    [
        ("Путин", "/leader/vladimir-putin"),
        ("Токаев", "/leader/kassym-jomart-tokayev"),
        ("Казахстан", "/country/KAZ"),
        ("Lukashenka", "/leader/alexander-lukashenko"),
    ],
)
def test_search_answers_names_in_any_script(client: TestClient, query: str, link: str) -> None:
    assert f'href="{link}"' in page(client, f"/?q={query}")


def test_search_says_when_nothing_matches(client: TestClient) -> None:
    assert "Nothing in the record answers to" in page(client, "/?q=Zzyzx")


def test_leader_page_counts_visits_by_country_and_office(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin")
    row = re.search(r'<a href="#country-KAZ">Kazakhstan</a></th>(.*?)</tr>', html)
    assert row is not None
    assert re.findall(r">(\d+)</td>", row.group(1)) == ["10", "1", "9"]
    assert "As Prime Minister" in html and "As President" in html


def test_leader_page_numbers_visits_with_planned_and_cancelled_apart(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin")
    kazakhstan = html[html.index('id="country-KAZ"') : html.index('id="country-CHN"')]
    assert re.findall(r'<li value="(\d+)"', kazakhstan) == [str(n) for n in range(1, 12)]
    assert "planned" in kazakhstan
    south_africa = html[html.index('id="country-ZAF"') :]
    assert 'class="unnumbered" data-status="cancelled"' in south_africa


def test_leader_page_lists_the_sources_of_each_visit(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin")
    assert "demo-trips.csv:43" in html


def test_leader_page_embeds_the_counts_the_map_is_drawn_from(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin")
    assert '"offices": ["Prime Minister", "President"]' in html
    assert '"by_office": {"President": 9, "Prime Minister": 1}' in html
    assert 'id="office-switch"' in html


def test_leader_name_in_any_script_redirects_to_the_id(client: TestClient) -> None:
    response = client.get("/leader/Путин", params={"since": "2020-01-01"}, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].endswith("/leader/vladimir-putin?since=2020-01-01")


def test_date_range_limits_the_counts(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin?since=2022-02-24&until=2024-12-31")
    row = re.search(r'<a href="#country-KAZ">Kazakhstan</a></th><td class="num">(\d+)', html)
    assert row is not None and row.group(1) == "4"
    assert "from 2022-02-24 to 2024-12-31" in html


def test_before_and_after_a_date(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin?at=2022-02-24")
    assert "Before and after 2022-02-24" in html
    row = re.search(
        r"<th scope=\"row\">Kazakhstan</th><td class=\"num\">(\d+)</td>"
        r"<td class=\"num\">(\d+)</td>",
        html,
    )
    assert row is not None and row.groups() == ("6", "4")


def test_empty_filter_fields_mean_no_filter(client: TestClient) -> None:
    html = page(client, "/leader/vladimir-putin?since=&until=&at=")
    assert "all dates in the record" in html


def test_unknown_leader_is_a_404_page(client: TestClient) -> None:
    assert "No such leader" in page(client, "/leader/Nobody%20Atall", 404)


def test_ambiguous_name_offers_the_candidates(client: TestClient) -> None:
    html = page(client, "/leader/Aliyev", 409)
    assert 'href="/leader/ilham-aliyev"' in html


def test_bad_date_is_a_400_page(client: TestClient) -> None:
    assert "not a real date" in page(client, "/leader/vladimir-putin?since=2024-02-30", 400)


def test_country_page_shows_who_came_from_where_per_year(client: TestClient) -> None:
    html = page(client, "/country/KAZ")
    assert "Visitors to Kazakhstan" in html
    who = html[html.index('id="who-table"') :]
    assert who.index("Vladimir Putin") < who.index("Xi Jinping") < who.index("Narendra Modi")
    years = html[html.index('id="years-table"') : html.index('id="who-table"')]
    assert re.search(r'<th scope="row">2024</th>(<td class="num">\d+</td>)+', years)


def test_country_codes_and_names_redirect_to_the_code(client: TestClient) -> None:
    response = client.get("/country/Казахстан", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].endswith("/country/KAZ")


def test_group_filter_keeps_visitors_from_members(client: TestClient) -> None:
    html = page(client, "/country/KAZ?group=csto")
    who = html[html.index('id="who-table"') :]
    assert "Vladimir Putin" in who and "Alexander Lukashenko" in who
    assert "Xi Jinping" not in who and "Narendra Modi" not in who
    assert '<option value="csto" selected>' in html


def test_unknown_group_is_a_404_page(client: TestClient) -> None:
    page(client, "/country/KAZ?group=nogroup", 404)


def test_pair_form_goes_to_the_pair_page(client: TestClient) -> None:
    params = {"a": "Россия", "b": "Kazakhstan"}
    response = client.get("/pair", params=params, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/pair/RUS/KAZ"
    assert 'id="a"' in page(client, "/pair")


def test_pair_form_names_an_unknown_country(client: TestClient) -> None:
    assert "no country" in page(client, "/pair?a=Atlantis&b=Russia", 404)


def test_pair_page_counts_each_way_per_year(client: TestClient) -> None:
    html = page(client, "/pair/RUS/KAZ")
    total = re.search(
        r"<tfoot><tr><th scope=\"row\">Total</th><td class=\"num\">(\d+)</td>"
        r"<td class=\"num\">(\d+)</td>",
        html,
    )
    assert total is not None and total.groups() == ("10", "8")
    assert 'href="/leader/kassym-jomart-tokayev"' in html


def test_check_page_offers_the_sample_article(client: TestClient) -> None:
    html = page(client, "/check")
    assert 'id="sample" data-published="2024-11-27"' in html
    assert "his 10th visit to Kazakhstan" in html


def test_check_form_marks_each_figure_with_its_verdict(client: TestClient) -> None:
    body = {"text": demo_text("article.txt"), "published": "2024-11-27"}
    response = client.post("/check", data=body)
    assert response.status_code == 200
    verdicts = re.findall(r'<li id="claim-\d+" class="claim (\w+)">', response.text)
    assert verdicts == ["supported"] * 3 + ["close", "unverifiable", "close", "contradicted"]
    assert '<a class="mark supported" href="#claim-1" id="mark-1">10th visit<sup>1</sup>' in (
        response.text
    )


def test_check_form_reads_an_uploaded_html_file(client: TestClient) -> None:
    html = b"<html><body><script>x()</script><p>Putin has visited China eight times.</p></body>"
    files = {"upload": ("story.html", html, "text/html")}
    response = client.post("/check", data={"published": "2024-11-27"}, files=files)
    assert response.status_code == 200
    assert "x()" not in response.text.split('id="check-results"')[1]
    assert re.findall(r'class="claim (\w+)"', response.text) == ["supported"]


def test_check_form_says_when_there_is_no_text(client: TestClient) -> None:
    response = client.post("/check", data={"text": "  ", "published": ""})
    assert response.status_code == 400
    assert "paste an article" in response.text


def test_review_page_is_a_shell_for_the_queue_api(client: TestClient) -> None:
    html = page(client, "/review")
    assert 'id="token"' in html and 'id="queue"' in html
    assert "/static/js/review.js" in html


def test_trip_page_shows_stops_sources_and_history(tmp_path: Path) -> None:
    settings = load_demo(tmp_path / "demo.sqlite", user="editor")
    with Record(settings=settings) as rec:
        rec.edit_trip("demo-putin-2024-11", {"2.occasion": "CSTO summit in Minsk"}, why="wording")
    app = create_app(settings)
    with TestClient(app) as client:
        html = page(client, "/trip/demo-putin-2024-11")
    app.state.record.close()
    assert "Vladimir Putin: Kazakhstan, Belarus" in html
    assert "demo-trips.csv:44" in html
    history = html[html.index('id="history-table"') :]
    assert "editor" in history and "wording" in history and "CSTO summit in Minsk" in history


def test_unknown_trip_is_a_404_page(client: TestClient) -> None:
    page(client, "/trip/no-such-trip", 404)


def test_only_web_addresses_become_source_links(tmp_path: Path) -> None:
    settings = load_demo(tmp_path / "demo.sqlite")
    rows = tmp_path / "evil.csv"
    rows.write_text(
        "leader,start_date,country,trip,source_url\n"
        "Vladimir Putin,2025-01-10,Serbia,evil,javascript:alert(1)\n",
        encoding="utf-8",
    )
    with Record(settings=settings) as rec:
        rec.import_file("table", rows)
    app = create_app(settings)
    with TestClient(app) as client:
        html = page(client, "/trip/evil") + page(client, "/leader/vladimir-putin")
    app.state.record.close()
    assert "javascript:" not in html.replace("Serbia", "")


def test_region_filter_keeps_visitors_from_the_region(client: TestClient) -> None:
    html = page(client, "/country/KAZ?group=southern-asia")
    who = html[html.index('id="who-table"') :]
    assert "Narendra Modi" in who and "Vladimir Putin" not in who
