"""The HTTP API answers as the command line does, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.settings import Settings


@pytest.fixture
def client(hs_url: str) -> Iterator[TestClient]:
    app = create_app(Settings.from_env(db=hs_url, user="tester"))
    with TestClient(app) as test_client:
        yield test_client
    app.state.record.close()


def test_top_returns_the_command_line_json(client: TestClient) -> None:
    response = client.get("/api/top", params={"leader": "Barack Obama", "limit": 3})
    assert response.status_code == 200
    data = response.json()
    assert data["leader"] == {"id": "barack-obama", "name": "Barack Obama"}
    assert [row["country"] for row in data["rows"]][:1] == ["DEU"]


def test_trips_are_numbered_and_sourced(client: TestClient) -> None:
    data = client.get("/api/trips", params={"leader": "Joseph R. Biden", "to": "Belgium"}).json()
    assert [t["n"] for t in data["trips"]] == list(range(1, len(data["trips"]) + 1))
    assert all(t["sources"] for t in data["trips"])


def test_visitors_and_pair_answer(client: TestClient) -> None:
    visitors = client.get("/api/visitors", params={"country": "United Kingdom"}).json()
    assert visitors["rows"]
    pair = client.get("/api/pair", params={"a": "USA", "b": "Russia"}).json()
    assert pair["totals"]["a_to_b"] > 0


def test_check_takes_text_and_returns_claims(client: TestClient) -> None:
    body = {"text": "Barack Obama has visited Mexico five times.", "published": "2016-12-01"}
    claims = client.post("/api/check", json=body).json()["claims"]
    assert [(c["claimed"], c["found"], c["verdict"]) for c in claims] == [(5, 5, "supported")]


def test_an_unknown_leader_is_404(client: TestClient) -> None:
    response = client.get("/api/top", params={"leader": "Nobody Atall"})
    assert response.status_code == 404
    assert "no leader" in response.json()["detail"]


def test_an_ambiguous_leader_is_409_with_candidates(client: TestClient) -> None:
    response = client.get("/api/top", params={"leader": "Bush"})
    assert response.status_code == 409
    assert "george-w-bush" in response.json()["candidates"]


def test_a_bad_date_is_400(client: TestClient) -> None:
    response = client.get("/api/top", params={"leader": "Obama", "since": "2009-13-01"})
    assert response.status_code == 400


def test_a_bad_parameter_is_422(client: TestClient) -> None:
    response = client.get("/api/top", params={"leader": "Obama", "count": "miles"})
    assert response.status_code == 422


def test_an_empty_text_is_400(client: TestClient) -> None:
    assert client.post("/api/check", json={"text": "  "}).status_code == 400


def test_every_route_is_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            assert spec.get("summary"), f"{method.upper()} {path} has no summary"
    assert client.get("/docs").status_code == 200
