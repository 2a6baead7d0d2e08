"""Decisions on the review queue: accept, reject and edit, each against a version and
written to the change log with who, when and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import diplotrack as dt
from diplotrack.errors import Conflict, InputError, NotFound
from diplotrack.news.candidates import Candidate
from diplotrack.store.edits import NewSource, NewStop
from tests.news.articles import MODI_MOSCOW, MODI_OTHER_DAY, TOKAYEV_HOSTS, write_jsonl


def _queue(rec: dt.Record, tmp_path: Path, records: list[dict[str, Any]]) -> Candidate:
    rec.ingest([str(write_jsonl(tmp_path / "news.jsonl", records))], workers=1)
    return rec.review_list(country="RUS").items[0]


def test_accept_enters_a_trip_with_every_sentence_as_evidence(
    rec: dt.Record, tmp_path: Path
) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:3])
    accepted, trip = rec.review_accept(found.id, why="three outlets agree", version=found.version)
    assert accepted.state == "accepted" and accepted.trip_id == trip.id
    assert trip.leader_id == "narendra-modi" and trip.origin == "news"
    assert trip.stops[0].country == "RUS" and trip.start_date == "2024-07-08"
    assert {e.source for e in trip.evidence} == {"news"}
    assert {e.url for e in trip.evidence} == {a["url"] for a in MODI_MOSCOW[:3]}
    assert len(trip.evidence) == len(found.evidence)


def test_accept_is_logged_on_the_candidate_and_the_trip(rec: dt.Record, tmp_path: Path) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:1])
    _, trip = rec.review_accept(found.id, why="checked with the MEA", who="alice")
    (entry,) = rec.review_history(found.id)
    assert (entry.who, entry.action, entry.why) == ("alice", "accept", "checked with the MEA")
    assert entry.data["trip"] == trip.id and entry.at is not None
    created = rec.history(trip.id)[0]
    assert created.action == "create" and created.who == "alice"
    assert found.id in (created.why or "")


def test_accepting_a_match_adds_evidence_to_the_record_trip(rec: dt.Record, tmp_path: Path) -> None:
    trip = rec.create_trip(
        "Narendra Modi",
        [NewStop("Russia", "2024-07-08", "2024-07-09", ("Moscow",))],
        status="planned",
        source=NewSource("Ministry of External Affairs"),
    )
    found = _queue(rec, tmp_path, MODI_MOSCOW[:2])
    accepted, after = rec.review_accept(found.id, why="same visit")
    assert accepted.trip_id == trip.id and after.id == trip.id
    assert after.status.value == "occurred"  # news moved the plan forward
    assert after.version == trip.version + 1
    sources = [e.source for e in after.evidence]
    assert (
        sources.count("news") == len(found.evidence) and "Ministry of External Affairs" in sources
    )
    assert rec.history(trip.id)[-1].action == "news"
    assert len(rec.trips("Narendra Modi").visits) == 1


def test_reject_is_logged_and_leaves_the_pending_list(rec: dt.Record, tmp_path: Path) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:1])
    rejected = rec.review_reject(found.id, why="a rerun of last year's story")
    assert rejected.state == "rejected" and rejected.version == found.version + 1
    assert rec.review_list().total == 0
    assert rec.review_list("rejected").items[0].id == found.id
    assert [h.action for h in rec.review_history(found.id)] == ["reject"]
    assert rec.is_empty()


def test_edit_logs_before_and_after_and_settles_the_conflict(
    rec: dt.Record, tmp_path: Path
) -> None:
    found = _queue(rec, tmp_path, [MODI_MOSCOW[0], MODI_OTHER_DAY])
    assert "start_date" in found.conflicts
    edited = rec.review_edit(
        found.id,
        {"start_date": "2024-07-08", "end_date": "2024-07-09", "cities": "Moscow; Kazan"},
        why="the MEA schedule",
        version=found.version,
    )
    assert edited.conflicts == {} and edited.end_date == "2024-07-09"
    assert edited.cities == ("Moscow", "Kazan") and edited.version == found.version + 1
    (entry,) = rec.review_history(found.id)
    assert entry.action == "edit" and entry.why == "the MEA schedule"
    assert entry.data["before"] == {
        "start_date": "2024-07-08",
        "end_date": None,
        "cities": ["Moscow"],
    }


@pytest.mark.parametrize("name", ["Путин", "Russian President Vladimir Putin"])
def test_edit_a_visitor_by_name_reads_the_office_again(
    rec: dt.Record, tmp_path: Path, name: str
) -> None:
    rec.ingest([str(write_jsonl(tmp_path / "k.jsonl", [TOKAYEV_HOSTS]))], workers=1)
    (found,) = rec.review_list().items
    edited = rec.review_edit(found.id, {"visitor_name": name, "start_date": "2024-11-27"}, why=None)
    assert edited.leader_id == "vladimir-putin" and edited.office == "President"
    assert edited.visitor_name == name
    with pytest.raises(NotFound):
        rec.review_edit(found.id, {"visitor_name": "Ivan Nobodyevich Nobody"}, why=None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_date": "2024-13-01"}, "start_date"),
        ({"host_country": "Atlantis"}, "unknown country"),
        ({"colour": "red"}, "cannot edit colour"),
        ({"status": "maybe"}, "status"),
        ({"start_date": "2024-07-10", "end_date": "2024-07-01"}, "before start"),
    ],
)
def test_edit_refuses_bad_values_in_one_line(
    rec: dt.Record, tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:1])
    with pytest.raises(InputError, match=message):
        rec.review_edit(found.id, changes, why=None)
    assert rec.review_show(found.id).version == found.version


def test_a_stale_version_is_refused(rec: dt.Record, tmp_path: Path) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:1])
    rec.review_edit(found.id, {"occasion": "official visit"}, why=None, version=found.version)
    for decide in (rec.review_accept, rec.review_reject):
        with pytest.raises(Conflict, match="version"):
            decide(found.id, why=None, version=found.version)
    with pytest.raises(Conflict):
        rec.review_edit(found.id, {"kind": "state"}, why=None, version=found.version)
    assert rec.review_show(found.id).state == "pending" and rec.is_empty()


def test_decided_candidates_refuse_a_second_decision(rec: dt.Record, tmp_path: Path) -> None:
    found = _queue(rec, tmp_path, MODI_MOSCOW[:1])
    rec.review_accept(found.id, why=None)
    with pytest.raises(InputError, match="already accepted"):
        rec.review_accept(found.id, why=None)
    with pytest.raises(InputError, match="accepted"):
        rec.review_reject(found.id, why=None)
    with pytest.raises(NotFound):
        rec.review_show("c-nothing")


def test_accept_above_accepts_on_ingest_and_logs_it(rec: dt.Record, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", [*MODI_MOSCOW[:2], TOKAYEV_HOSTS])
    summary = rec.ingest([str(path)], workers=1, accept_above=0.5)
    assert summary.accepted == 2
    assert rec.review_list().total == 0
    accepted = rec.review_list("accepted").items
    entry = rec.review_history(accepted[0].id)[0]
    assert entry.data["auto"] is True and entry.data["threshold"] == 0.5
    assert entry.who == "tester" and "confidence" in (entry.why or "")
    assert not rec.is_empty()


def test_accept_above_leaves_less_confident_candidates_pending(
    rec: dt.Record, tmp_path: Path
) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", MODI_MOSCOW[:1])
    summary = rec.ingest([str(path)], workers=1, accept_above=0.99)
    assert summary.accepted == 0 and rec.review_list().total == 1
