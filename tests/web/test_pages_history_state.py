"""The pages over the Office of the Historian's record, on SQLite and PostgreSQL: the same
counts as the API, and sources that link to where each fact comes from."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.settings import Settings


@pytest.fixture
def hs_client(hs_url: str) -> Iterator[TestClient]:
    app = create_app(Settings.from_env(db=hs_url, user="tester"))
    with TestClient(app) as test_client:
        yield test_client
    app.state.record.close()


def test_leader_page_counts_as_the_api_does(hs_client: TestClient) -> None:
    api = hs_client.get("/api/top", params={"leader": "barack-obama"}).json()["rows"]
    html = hs_client.get("/leader/barack-obama").text
    shown = re.findall(r'<a href="#country-(\w+)">[^<]+</a></th><td class="num">(\d+)</td>', html)
    assert [(code, int(n)) for code, n in shown] == [(r["country"], r["visits"]) for r in api]


def test_leader_page_links_each_visit_to_its_source(hs_client: TestClient) -> None:
    html = hs_client.get("/leader/barack-obama").text
    germany = html[html.index('id="country-DEU"') :]
    assert re.search(r'<a href="https://history\.state\.gov/[^"]+" rel="noreferrer', germany)


def test_country_page_lists_visiting_presidents(hs_client: TestClient) -> None:
    html = hs_client.get("/country/GBR", params={"since": "2009-01-01"}).text
    who = html[html.index('id="who-table"') :]
    assert 'href="/leader/barack-obama"' in who
