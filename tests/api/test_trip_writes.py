"""Entering, editing, deleting, restoring and merging trips over HTTP: tokens, ETags,
If-Match, and the change log under the token's name (both backends)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from diplotrack.api.trip_models import History, TripOut
from diplotrack.store import tokens
from tests.api.conftest import TOKEN_NAME, Api, make_token, trip_body

KAZ_STOP = {"country": "KAZ", "start_date": "2023-05-01", "kind": "working"}


def test_entering_a_trip_answers_201_with_location_and_etag(api: Api) -> None:
    response = api.client.post("/api/trips", json=trip_body(), headers=api.auth)
    assert response.status_code == 201
    trip = response.json()
    assert response.headers["Location"] == f"/api/trips/{trip['id']}"
    assert response.headers["ETag"] == f'"{trip["id"]}.v1"'
    assert (trip["leader_id"], trip["version"], trip["status"]) == ("vladimir-putin", 1, "occurred")


def test_an_entered_trip_keeps_its_stop_and_source(api: Api) -> None:
    trip_id, _ = api.create()
    stop = api.client.get(f"/api/trips/{trip_id}").json()["stops"][0]
    assert (stop["country"], stop["cities"], stop["kind"]) == ("KAZ", ["Astana"], "state")
    assert stop["sources"][0]["source"] == "Kremlin"
    assert stop["sources"][0]["url"].startswith("http://en.kremlin.ru/")


def test_an_entered_trip_counts(api: Api) -> None:
    api.create()
    rows = api.client.get("/api/top", params={"leader": "Putin"}).json()["rows"]
    assert [(r["country"], r["visits"]) for r in rows] == [("KAZ", 1)]


def test_a_stop_may_name_its_own_source(api: Api) -> None:
    stops = [KAZ_STOP | {"source": {"name": "TASS", "excerpt": "Putin arrived in Astana"}}]
    trip_id, _ = api.create(stops=stops, source=None)
    source = api.client.get(f"/api/trips/{trip_id}").json()["stops"][0]["sources"][0]
    assert (source["source"], source["excerpt"]) == ("TASS", "Putin arrived in Astana")


def test_a_stop_without_any_source_is_400(api: Api) -> None:
    response = api.write("POST", "/api/trips", json=trip_body(source=None))
    assert response.status_code == 400
    assert "no source" in response.json()["detail"]


def test_entering_the_same_trip_twice_is_409_pointing_at_it(api: Api) -> None:
    trip_id, _ = api.create()
    response = api.write("POST", "/api/trips", json=trip_body())
    assert response.status_code == 409
    assert response.json()["trip_id"] == trip_id
    assert response.headers["Location"] == f"/api/trips/{trip_id}"


@pytest.mark.parametrize(
    ("changes", "status", "words"),
    [
        ({"leader": "Nobody Atall"}, 404, "no leader"),
        ({"leader": "Bush"}, 409, "fits"),
        ({"stops": [KAZ_STOP | {"country": "Atlantis"}]}, 400, "unknown country"),
        ({"stops": [KAZ_STOP | {"start_date": "2023-13-01"}]}, 400, "stop 1"),
        ({"stops": [KAZ_STOP | {"end_date": "2023-04-01"}]}, 400, "stop 1"),
        ({"stops": [KAZ_STOP | {"kind": "holiday"}]}, 422, "kind"),
        ({"stops": []}, 422, "stops"),
        ({"colour": "red"}, 422, "colour"),
    ],
)
def test_a_bad_new_trip_is_refused(
    api: Api, changes: dict[str, object], status: int, words: str
) -> None:
    response = api.write("POST", "/api/trips", json=trip_body(**changes))
    assert response.status_code == status
    assert words in response.text


def test_reading_a_trip_gives_stops_visits_and_etag(api: Api) -> None:
    trip_id, etag = api.create()
    response = api.client.get(f"/api/trips/{trip_id}")
    assert response.headers["ETag"] == etag
    trip = response.json()
    assert [s["stop"] for s in trip["stops"]] == [1]
    assert trip["visits"][0]["office"] == "President"


def test_an_unknown_trip_is_404(api: Api) -> None:
    assert api.client.get("/api/trips/t-nope").status_code == 404
    assert api.client.get("/api/trips/t-nope/history").status_code == 404


def test_if_none_match_with_the_current_etag_is_304(api: Api) -> None:
    trip_id, etag = api.create()
    response = api.client.get(f"/api/trips/{trip_id}", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["ETag"] == etag


def test_an_edit_without_if_match_is_428(api: Api) -> None:
    trip_id, etag = api.create()
    body = {"changes": {"1.kind": "working"}, "why": "a working visit"}
    response = api.write("PATCH", f"/api/trips/{trip_id}", json=body)
    assert response.status_code == 428
    assert response.json()["etag"] == etag


def test_an_edit_with_the_current_etag_applies_and_moves_it_on(api: Api) -> None:
    trip_id, etag = api.create()
    body = {"changes": {"1.kind": "working", "notes": "checked"}, "why": "a working visit"}
    response = api.write("PATCH", f"/api/trips/{trip_id}", etag, json=body)
    assert response.status_code == 200
    assert response.headers["ETag"] == f'"{trip_id}.v2"'
    assert (response.json()["stops"][0]["kind"], response.json()["notes"]) == (
        "working",
        "checked",
    )


def test_an_edit_with_a_stale_etag_is_412_with_the_current_version(api: Api) -> None:
    trip_id, old = api.create()
    first = {"changes": {"1.kind": "working"}, "why": "first editor"}
    new = api.write("PATCH", f"/api/trips/{trip_id}", old, json=first).headers["ETag"]
    second = {"changes": {"1.kind": "official"}, "why": "second editor"}
    response = api.write("PATCH", f"/api/trips/{trip_id}", old, json=second)
    assert response.status_code == 412
    assert (response.json()["version"], response.json()["etag"]) == (2, new)
    assert response.headers["ETag"] == new
    assert api.client.get(f"/api/trips/{trip_id}").json()["stops"][0]["kind"] == "working"


def test_if_match_star_edits_the_current_version(api: Api) -> None:
    trip_id, _ = api.create()
    body = {"changes": {"status": "planned"}, "why": "not yet"}
    response = api.write("PATCH", f"/api/trips/{trip_id}", "*", json=body)
    assert response.status_code == 200
    assert response.json()["status"] == "planned"


def test_an_etag_of_another_trip_is_412(api: Api) -> None:
    trip_id, _ = api.create()
    _, other = api.create(stops=[KAZ_STOP])
    body = {"changes": {"notes": "x"}, "why": "x"}
    assert api.write("PATCH", f"/api/trips/{trip_id}", other, json=body).status_code == 412


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"colour": "red"}, 400),
        ({"status": "imagined"}, 400),
        ({"9.kind": "state"}, 404),
        ({"1.start_date": "2024-02-30"}, 400),
        ({}, 422),
    ],
)
def test_a_bad_edit_is_refused_and_changes_nothing(
    api: Api, changes: dict[str, str], status: int
) -> None:
    trip_id, etag = api.create()
    body = {"changes": changes, "why": "bad"}
    assert api.write("PATCH", f"/api/trips/{trip_id}", etag, json=body).status_code == status
    assert api.client.get(f"/api/trips/{trip_id}").headers["ETag"] == etag


def test_editing_an_unknown_trip_is_404(api: Api) -> None:
    body = {"changes": {"notes": "x"}, "why": "x"}
    assert api.write("PATCH", "/api/trips/t-nope", '"t-nope.v1"', json=body).status_code == 404


def test_delete_and_restore_follow_the_etag(api: Api) -> None:
    trip_id, etag = api.create()
    deleted = api.write("DELETE", f"/api/trips/{trip_id}", etag, params={"why": "duplicate"})
    assert (deleted.status_code, deleted.json()["deleted"]) == (200, True)
    assert api.client.get("/api/top", params={"leader": "Putin"}).json()["rows"] == []
    stale = api.write("POST", f"/api/trips/{trip_id}/restore", etag, json={"why": "no"})
    assert stale.status_code == 412
    restored = api.write(
        "POST", f"/api/trips/{trip_id}/restore", deleted.headers["ETag"], json={"why": "real"}
    )
    assert (restored.status_code, restored.json()["deleted"]) == (200, False)
    assert restored.headers["ETag"] == f'"{trip_id}.v3"'


def test_delete_needs_a_reason(api: Api) -> None:
    trip_id, etag = api.create()
    assert api.write("DELETE", f"/api/trips/{trip_id}", etag).status_code == 422


def test_merge_moves_the_other_trips_stops(api: Api) -> None:
    keep, etag = api.create()
    other, _ = api.create(stops=[{"country": "Kyrgyzstan", "start_date": "2024-11-26"}])
    body = {"other": other, "why": "one Central Asian tour"}
    response = api.write("POST", f"/api/trips/{keep}/merge", etag, json=body)
    assert response.status_code == 200
    assert [s["country"] for s in response.json()["stops"]] == ["KAZ", "KGZ"]
    assert api.client.get(f"/api/trips/{other}").json()["deleted"] is True


def test_merge_with_a_stale_version_of_the_other_trip_is_412(api: Api) -> None:
    keep, etag = api.create()
    other, _ = api.create(stops=[KAZ_STOP])
    body = {"other": other, "other_version": 7, "why": "x"}
    response = api.write("POST", f"/api/trips/{keep}/merge", etag, json=body)
    assert response.status_code == 412
    assert other in response.json()["detail"]


def test_merging_trips_of_two_leaders_is_400(api: Api) -> None:
    keep, etag = api.create()
    other, _ = api.create(leader="Emmanuel Macron")
    body = {"other": other, "why": "x"}
    assert api.write("POST", f"/api/trips/{keep}/merge", etag, json=body).status_code == 400


def test_the_change_log_names_the_token(api: Api) -> None:
    trip_id, etag = api.create(why="seen on the news")
    body = {"changes": {"1.kind": "working"}, "why": "a working visit"}
    api.write("PATCH", f"/api/trips/{trip_id}", etag, json=body)
    changes = api.client.get(f"/api/trips/{trip_id}/history").json()["changes"]
    assert [(c["who"], c["action"], c["why"]) for c in changes] == [
        (TOKEN_NAME, "create", "seen on the news"),
        (TOKEN_NAME, "edit", "a working visit"),
    ]
    assert changes[1]["data"]["before"] == {"1.kind": "state"}
    assert set(changes[0]) >= {"at", "who", "action", "data", "why"}


WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/api/trips", {"json": trip_body()}),
    ("PATCH", "/api/trips/{id}", {"json": {"changes": {"notes": "x"}, "why": "x"}}),
    ("DELETE", "/api/trips/{id}", {"params": {"why": "x"}}),
    ("POST", "/api/trips/{id}/restore", {"json": {"why": "x"}}),
    ("POST", "/api/trips/{id}/merge", {"json": {"other": "t-x", "why": "x"}}),
]


@pytest.mark.parametrize("token", [None, "dt_not-a-token", "revoked"])
def test_every_write_needs_a_valid_token(api: Api, token: str | None) -> None:
    trip_id, etag = api.create(stops=[KAZ_STOP])
    if token == "revoked":
        token = make_token(api.app, "gone")
        with api.record.db.transaction() as conn:
            tokens.revoke(conn, "gone", who="tester")
    headers = {"If-Match": etag} | ({"Authorization": f"Bearer {token}"} if token else {})
    for method, path, kwargs in WRITES:
        url = path.format(id=trip_id)
        response = api.client.request(method, url, headers=headers, **kwargs)
        assert response.status_code == 401, (method, path)
        assert response.headers["WWW-Authenticate"].startswith('Bearer realm="diplotrack"')
    assert api.client.get(f"/api/trips/{trip_id}").headers["ETag"] == etag


def test_trip_answers_follow_their_documented_models(api: Api) -> None:
    trip_id, etag = api.create()
    TripOut.model_validate(api.client.get(f"/api/trips/{trip_id}").json())
    body = {"changes": {"notes": "x"}, "why": "x"}
    TripOut.model_validate(api.write("PATCH", f"/api/trips/{trip_id}", etag, json=body).json())
    History.model_validate(api.client.get(f"/api/trips/{trip_id}/history").json())


def test_a_busy_database_is_503_with_retry_after(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    trip_id, etag = api.create()

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("UPDATE trips", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(api.record, "edit_trip", locked)
    body = {"changes": {"notes": "x"}, "why": "x"}
    response = api.write("PATCH", f"/api/trips/{trip_id}", etag, json=body)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
