"""Two editors, one trip: exactly one edit wins, the other is refused, nothing is lost.
Real threads against SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from diplotrack.errors import Conflict
from diplotrack.store import edits
from tests.api.conftest import Api

EDITORS = 4


def test_the_version_check_and_the_write_are_one_step(api: Api) -> None:
    """The second editor read version 1 and passed the early check; its write then waits
    for the first editor's transaction and finds the version moved on."""
    trip_id, _ = api.create()
    rec = api.record
    inside = threading.Event()
    outcome: dict[str, Any] = {}

    def first() -> None:
        with rec.db.transaction() as conn:
            edits.edit(conn, trip_id, {"1.kind": "working"}, who="first", why="1", version=1)
            inside.set()
            time.sleep(0.5)  # hold the row (PostgreSQL) or the write lock (SQLite)

    def second() -> None:
        inside.wait()
        try:
            rec.edit_trip(trip_id, {"1.kind": "official"}, why="2", version=1, who="second")
        except Conflict as exc:
            outcome["refused"] = str(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert "version 2" in outcome["refused"]
    trip = rec.trip(trip_id)
    assert (trip.version, trip.stops[0].kind.value) == (2, "working")
    assert [c.who for c in rec.history(trip_id)] == ["desk-bot", "first"]


def test_an_edit_without_a_version_still_cannot_overwrite_a_concurrent_one(api: Api) -> None:
    """The second editor read version 1, the first then committed version 2: the second's
    write, made on what it read, touches nothing and is refused."""
    trip_id, _ = api.create()
    rec = api.record
    read, committed = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def first() -> None:
        read.wait(30)
        rec.edit_trip(trip_id, {"notes": "first"}, why="1", who="first")
        committed.set()

    def second() -> None:
        with rec.db.transaction() as conn:
            seen = edits._current(conn, trip_id, None)
            read.set()
            committed.wait(30)
            try:
                edits._bump(conn, trip_id, seen.version, notes="second")
            except Conflict as exc:
                outcome["refused"] = str(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert "refused" in outcome
    assert rec.trip(trip_id).notes == "first"


@pytest.mark.parametrize("rounds", [3])
def test_concurrent_http_edits_one_wins_the_others_get_412(api: Api, rounds: int) -> None:
    trip_id, etag = api.create()
    kinds = ["working", "official", "summit", "private"][:EDITORS]
    for _ in range(rounds):
        statuses = _edit_at_once(api, trip_id, etag, kinds)
        assert sorted(statuses.values()) == [200] + [412] * (EDITORS - 1)
        winner = next(kind for kind, status in statuses.items() if status == 200)
        trip = api.client.get(f"/api/trips/{trip_id}")
        assert trip.json()["stops"][0]["kind"] == winner
        etag = trip.headers["ETag"]
    history = api.client.get(f"/api/trips/{trip_id}/history").json()["changes"]
    assert [c["action"] for c in history] == ["create"] + ["edit"] * rounds
    assert [c["data"]["version"] for c in history[1:]] == list(range(2, rounds + 2))


def _edit_at_once(api: Api, trip_id: str, etag: str, kinds: list[str]) -> dict[str, int]:
    """Each kind sent by its own thread and client, all released together."""
    start = threading.Barrier(len(kinds))
    statuses: dict[str, int] = {}
    headers = api.auth | {"If-Match": etag}

    def edit(kind: str) -> None:
        client = TestClient(api.app)
        body = {"changes": {"1.kind": kind}, "why": f"it was {kind}"}
        start.wait()
        statuses[kind] = client.patch(
            f"/api/trips/{trip_id}", json=body, headers=headers
        ).status_code

    threads = [threading.Thread(target=edit, args=(kind,)) for kind in kinds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses
