"""The counting and checking routes' errors, on an empty record (both backends)."""

from __future__ import annotations

import pytest

from tests.api.conftest import Api


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/visitors", {"country": "Atlantis"}, 404),
        ("/api/visitors", {}, 422),
        ("/api/visitors", {"country": "KAZ", "since": "2020-02-30"}, 400),
        ("/api/pair", {"a": "USA", "b": "Atlantis"}, 404),
        ("/api/pair", {"a": "USA"}, 422),
        ("/api/trips", {"leader": "Nobody Atall"}, 404),
        ("/api/trips", {"leader": "Bush"}, 409),
        ("/api/trips", {"leader": "Putin", "to": "Atlantis"}, 404),
        ("/api/trips", {"leader": "Putin", "status": "imagined"}, 422),
        ("/api/top", {"leader": "Putin", "limit": 0}, 422),
        ("/api/leaders/nobody-atall", {}, 404),
    ],
)
def test_a_bad_question_gets_a_clear_error(
    api: Api, path: str, params: dict[str, object], status: int
) -> None:
    response = api.client.get(path, params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_empty_record_answers_with_empty_counts(api: Api) -> None:
    assert api.client.get("/api/top", params={"leader": "Putin"}).json()["rows"] == []
    assert api.client.get("/api/visitors", params={"country": "KAZ"}).json()["rows"] == []
    assert api.client.get("/api/pair", params={"a": "RUS", "b": "KAZ"}).json()["totals"] == {
        "a_to_b": 0,
        "b_to_a": 0,
    }


def test_check_refuses_a_text_over_its_length(api: Api) -> None:
    response = api.client.post("/api/check", json={"text": "x" * 1_000_001})
    assert response.status_code == 422


def test_check_refuses_a_body_that_is_not_json(api: Api) -> None:
    response = api.client.post(
        "/api/check", content=b"text=hello", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_health_names_the_backend(api: Api, db_url: str) -> None:
    found = api.client.get("/api/health").json()
    assert found["status"] == "ok"
    assert found["database"] == ("postgresql" if db_url.startswith("postgresql") else "sqlite")
