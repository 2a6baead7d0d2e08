"""The read routes the pages and tools use: search, leaders, countries, groups, filtered
trips and visitors, exports (both backends)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from diplotrack.cli import app as cli
from tests.api.conftest import Api


def _stop(country: str, day: str, kind: str = "state") -> list[dict[str, Any]]:
    return [{"country": country, "start_date": day, "kind": kind}]


@pytest.fixture
def travels(api: Api) -> Api:
    """Putin and Macron to Kazakhstan, Medvedev abroad as president then as premier."""
    api.create()
    api.create(leader="Emmanuel Macron", stops=_stop("Kazakhstan", "2023-11-01", "official"))
    api.create(leader="Dmitry Medvedev", stops=_stop("Germany", "2010-07-15"))
    api.create(leader="Dmitry Medvedev", stops=_stop("Japan", "2015-05-01", "working"))
    return api


def test_search_finds_a_leader_by_a_russian_alias(api: Api) -> None:
    found = api.client.get("/api/search", params={"q": "Путин"}).json()
    assert found["leaders"][0] == {
        "id": "vladimir-putin",
        "name": "Vladimir Putin",
        "country": "RUS",
    }


@pytest.mark.parametrize("query", ["Kazakh", "Казахстан", "KAZ", "kz", "kazakhstan"])
def test_search_finds_a_country_by_any_name(api: Api, query: str) -> None:
    found = api.client.get("/api/search", params={"q": query}).json()["countries"]
    assert found[0] == {"code": "KAZ", "name": "Kazakhstan"}


def test_search_ranks_whole_names_before_parts(api: Api) -> None:
    names = [
        hit["name"]
        for hit in api.client.get("/api/search", params={"q": "Bush", "limit": 50}).json()[
            "leaders"
        ]
    ]
    assert {"George W. Bush", "George H. W. Bush"} <= set(names[:2])


def test_search_of_punctuation_finds_nothing(api: Api) -> None:
    assert api.client.get("/api/search", params={"q": "!!"}).json() == {
        "leaders": [],
        "countries": [],
    }


def test_search_needs_a_query(api: Api) -> None:
    assert api.client.get("/api/search").status_code == 422


def test_leaders_filter_by_name_and_country(api: Api) -> None:
    russians = api.client.get("/api/leaders", params={"country": "Россия"}).json()
    assert "vladimir-putin" in {hit["id"] for hit in russians["leaders"]}
    assert {hit["country"] for hit in russians["leaders"]} == {"RUS"}
    found = api.client.get("/api/leaders", params={"q": "Medvedev", "country": "RUS"}).json()
    assert [hit["id"] for hit in found["leaders"]] == ["dmitry-medvedev"]


def test_leaders_are_paged(api: Api) -> None:
    whole = api.client.get("/api/leaders", params={"limit": 5}).json()
    page = api.client.get("/api/leaders", params={"limit": 2, "offset": 2}).json()
    assert whole["total"] == page["total"] > 100
    assert page["leaders"] == whole["leaders"][2:4]


def test_leaders_of_an_unknown_country_is_404(api: Api) -> None:
    assert api.client.get("/api/leaders", params={"country": "Atlantis"}).status_code == 404


def test_countries_list_every_country(api: Api) -> None:
    rows = api.client.get("/api/countries").json()
    kaz = next(row for row in rows if row["code"] == "KAZ")
    assert (kaz["name"], kaz["name_ru"], kaz["historical"]) == ("Kazakhstan", "Казахстан", False)
    assert any(row["code"] == "SUN" and row["historical"] for row in rows)


def test_a_country_has_its_groups_and_leaders(api: Api) -> None:
    kaz = api.client.get("/api/countries/Казахстан").json()
    assert kaz["code"] == "KAZ"
    csto = next(g for g in kaz["groups"] if g["group"] == "csto")
    assert csto["start_date"] == "1992-05-15"
    assert any(
        t["leader_id"] == "nursultan-nazarbayev" and not t["current"] for t in kaz["tenures"]
    )
    assert api.client.get("/api/countries/Atlantis").status_code == 404


def test_groups_are_listed_and_found_by_any_name(api: Api) -> None:
    ids = {group["id"] for group in api.client.get("/api/groups").json()}
    assert {"csto", "nato", "eu"} <= ids
    csto = api.client.get("/api/groups/ОДКБ").json()
    uzbekistan = [m for m in csto["members"] if m["country"] == "UZB"]
    assert len(uzbekistan) == 2  # joined, left in 1999, back 2006-2012
    assert uzbekistan[0]["end_date"] is not None
    assert api.client.get("/api/groups/nowhere").status_code == 404


def test_trips_filter_by_office(travels: Api) -> None:
    params = {"leader": "Medvedev", "office": "president"}
    trips = travels.client.get("/api/trips", params=params).json()["trips"]
    assert [(t["country"], t["office"]) for t in trips] == [("DEU", "President")]


def test_trips_filter_by_kind(travels: Api) -> None:
    params = {"leader": "Medvedev", "kind": "working"}
    trips = travels.client.get("/api/trips", params=params).json()["trips"]
    assert [t["country"] for t in trips] == ["JPN"]


def test_trips_filter_by_group_dates_and_status(travels: Api) -> None:
    client = travels.client
    assert client.get("/api/trips", params={"leader": "Medvedev", "to": "group:G7"}).json()[
        "trips"
    ][0]["country"] in {"DEU", "JPN"}
    until = {"leader": "Medvedev", "until": "2012-01-01"}
    assert len(client.get("/api/trips", params=until).json()["trips"]) == 1
    planned = {"leader": "Medvedev", "status": "planned"}
    assert client.get("/api/trips", params=planned).json()["trips"] == []


def test_a_bad_trips_filter_is_422(travels: Api) -> None:
    params = {"leader": "Medvedev", "kind": "holiday"}
    assert travels.client.get("/api/trips", params=params).status_code == 422


def test_visitors_from_a_group_keep_its_members_leaders(travels: Api) -> None:
    def who(group: str) -> list[str]:
        params = {"country": "KAZ", "from_group": group}
        rows = travels.client.get("/api/visitors", params=params).json()["rows"]
        return [row["leader"]["id"] for row in rows]

    assert who("CSTO") == ["vladimir-putin"]
    assert who("EU") == ["emmanuel-macron"]
    assert who("France") == ["emmanuel-macron"]
    params = {"country": "KAZ", "from_group": "Atlantis"}
    assert travels.client.get("/api/visitors", params=params).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_gives_the_command_lines_bytes(travels: Api, db_url: str, fmt: str) -> None:
    response = travels.client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200
    cli_out = CliRunner().invoke(cli, ["--db", db_url, "export", "--format", fmt]).stdout_bytes
    assert response.content == cli_out
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="diplotrack-trips.{fmt}"'


def test_export_of_one_leader(travels: Api) -> None:
    response = travels.client.get("/api/export", params={"format": "json", "leader": "Macron"})
    rows = json.loads(response.content)
    assert [row["leader_id"] for row in rows] == ["emmanuel-macron"]
    assert "diplotrack-trips-emmanuel-macron.json" in response.headers["Content-Disposition"]


def test_export_as_parquet(travels: Api) -> None:
    import pyarrow.parquet as pq

    response = travels.client.get("/api/export", params={"format": "parquet"})
    assert response.headers["Content-Type"] == "application/vnd.apache.parquet"
    assert pq.read_table(io.BytesIO(response.content)).num_rows == 4


def test_export_errors(api: Api) -> None:
    assert api.client.get("/api/export", params={"format": "xlsx"}).status_code == 422
    assert api.client.get("/api/export", params={"leader": "Nobody Atall"}).status_code == 404


def test_a_leader_of_the_imported_record(hs_client: TestClient) -> None:
    found = hs_client.get("/api/leaders/Barack Obama").json()
    assert found["tenures"][0]["title"] == "President"
