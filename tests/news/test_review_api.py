"""The review queue over HTTP: reads open, decisions with a token and If-Match (428 when
missing, 412 when stale), and POST /api/extract."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.store import tokens
from tests.news.articles import MODI_MOSCOW, write_jsonl


@dataclass
class Desk:
    client: TestClient
    record: Record
    auth: dict[str, str]

    def item(self) -> tuple[dict[str, Any], str]:
        listed = self.client.get("/api/review").json()
        item_id = listed["items"][0]["id"]
        response = self.client.get(f"/api/review/{item_id}")
        return response.json(), response.headers["ETag"]


@pytest.fixture
def desk(db_url: str, tmp_path: Path) -> Iterator[Desk]:
    app = create_app(Settings.from_env({}, db=db_url, user="tester", rate_limit=0))
    record: Record = app.state.record
    record.ingest([str(write_jsonl(tmp_path / "n.jsonl", MODI_MOSCOW[:3]))], workers=1)
    with record.db.transaction() as conn:
        secret = tokens.create(conn, "night-desk", who="tester")
    with TestClient(app) as client:
        yield Desk(client, record, {"Authorization": f"Bearer {secret}"})
    record.close()


def test_list_and_show_follow_the_contract(desk: Desk) -> None:
    listed = desk.client.get("/api/review", params={"state": "pending", "limit": 10}).json()
    assert listed["total"] == 1
    item, tag = desk.item()
    assert tag == f'"{item["id"]}.v{item["version"]}"'
    assert item["visitor"] == {"id": "narendra-modi", "name": "Narendra Modi"}
    assert item["host_country"] == "RUS" and item["host_name"] == "Russia"
    assert set(item["evidence"][0]) >= {"url", "published", "text", "start", "end", "rule"}
    again = desk.client.get(f"/api/review/{item['id']}", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert desk.client.get("/api/review/c-none").status_code == 404
    assert desk.client.get("/api/review", params={"state": "maybe"}).status_code == 422


def test_accept_needs_a_token_and_if_match(desk: Desk) -> None:
    item, tag = desk.item()
    url = f"/api/review/{item['id']}/accept"
    assert desk.client.post(url, json={"why": None}).status_code == 401
    missing = desk.client.post(url, json={"why": None}, headers=desk.auth)
    assert missing.status_code == 428 and missing.json()["etag"] == tag
    stale = desk.client.post(
        url, json={"why": None}, headers=desk.auth | {"If-Match": f'"{item["id"]}.v1"'}
    )
    assert stale.status_code == 412 and stale.json()["version"] == item["version"]
    done = desk.client.post(url, json={"why": "agreed"}, headers=desk.auth | {"If-Match": tag})
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["candidate"]["state"] == "accepted"
    assert body["trip"]["id"] == body["candidate"]["trip_id"]
    assert len(body["trip"]["stops"][0]["sources"]) == len(item["evidence"])
    history = desk.client.get(f"/api/review/{item['id']}/history").json()["changes"]
    assert [(h["who"], h["action"], h["why"]) for h in history] == [
        ("night-desk", "accept", "agreed")
    ]


def test_edit_then_reject(desk: Desk) -> None:
    item, tag = desk.item()
    url = f"/api/review/{item['id']}"
    edited = desk.client.patch(
        url,
        json={
            "cities": ["Moscow", "Kazan"],
            "end_date": "2024-07-09",
            "occasion": None,
            "why": None,
        },
        headers=desk.auth | {"If-Match": tag},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["cities"] == ["Moscow", "Kazan"] and edited.json()["occasion"] is None
    assert edited.headers["ETag"] != tag
    old = desk.client.patch(url, json={"kind": "state"}, headers=desk.auth | {"If-Match": tag})
    assert old.status_code == 412
    bad = desk.client.patch(
        url, json={"start_date": "someday"}, headers=desk.auth | {"If-Match": "*"}
    )
    assert bad.status_code == 400 and "start_date" in bad.json()["detail"]
    rejected = desk.client.post(
        f"{url}/reject", json={"why": "duplicate"}, headers=desk.auth | {"If-Match": "*"}
    )
    assert rejected.status_code == 200
    assert rejected.json()["trip"] is None and rejected.json()["candidate"]["state"] == "rejected"


def test_extract_reads_a_text_without_a_token(desk: Desk) -> None:
    response = desk.client.post(
        "/api/extract", json={"text": MODI_MOSCOW[0]["text"], "published": "2024-07-08"}
    )
    assert response.status_code == 200
    (trip,) = response.json()["trips"]
    assert trip["host_country"] == "RUS" and trip["start_date"] == "2024-07-08"
    assert desk.client.post("/api/extract", json={"text": ""}).json() == {"trips": []}
    assert (
        desk.client.post("/api/extract", json={"text": "x", "published": "2024-13-01"}).status_code
        == 400
    )
