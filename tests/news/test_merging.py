"""Many articles about one trip become one candidate; disagreements are kept and flagged;
other trips stay apart; a candidate that is already a record trip names it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import diplotrack as dt
from diplotrack.news.ingest import IngestSummary
from diplotrack.store.edits import NewSource, NewStop
from tests.news.articles import (
    MODI_KAZAN,
    MODI_MOSCOW,
    MODI_OTHER_CITY,
    MODI_OTHER_DAY,
    MODI_PLANNED,
    write_jsonl,
)


def _ingest(rec: dt.Record, tmp_path: Path, records: list[dict[str, Any]]) -> IngestSummary:
    return rec.ingest([str(write_jsonl(tmp_path / "news.jsonl", records))], workers=1)


def test_many_articles_about_one_trip_give_one_candidate_with_every_article(
    rec: dt.Record, tmp_path: Path
) -> None:
    summary = _ingest(rec, tmp_path, MODI_MOSCOW)
    moscow = rec.review_list(country="Russia").items
    assert len(moscow) == 1
    urls = {e.url for e in moscow[0].evidence}
    assert urls == {a["url"] for a in MODI_MOSCOW}
    assert moscow[0].start_date == "2024-07-08"
    assert moscow[0].cities[0] == "Moscow"
    assert summary.read == 6 and summary.candidates_merged >= 5


def test_a_different_start_date_is_kept_as_a_conflict(rec: dt.Record, tmp_path: Path) -> None:
    _ingest(rec, tmp_path, [MODI_MOSCOW[0], MODI_OTHER_DAY])
    (found,) = rec.review_list(country="RUS").items
    assert found.start_date == "2024-07-08"
    assert found.conflicts == {"start_date": ["2024-07-08", "2024-07-09"]}
    assert {e.url for e in found.evidence} == {MODI_MOSCOW[0]["url"], MODI_OTHER_DAY["url"]}
    assert rec.review_list(conflicted=True).total == 1


def test_different_cities_are_kept_and_flagged(rec: dt.Record, tmp_path: Path) -> None:
    _ingest(rec, tmp_path, [MODI_MOSCOW[0], MODI_OTHER_CITY])
    (found,) = rec.review_list(country="RUS").items
    assert found.cities == ("Moscow", "Kazan")
    assert found.conflicts == {"cities": ["Moscow", "Kazan"]}


def test_a_trip_months_later_is_another_candidate(rec: dt.Record, tmp_path: Path) -> None:
    _ingest(rec, tmp_path, [MODI_MOSCOW[0], MODI_KAZAN])
    starts = sorted(c.start_date or "" for c in rec.review_list(country="RUS").items)
    assert starts == ["2024-07-08", "2024-10-22"]


def test_a_planned_trip_stays_apart_from_the_one_made(rec: dt.Record, tmp_path: Path) -> None:
    _ingest(rec, tmp_path, [MODI_PLANNED, MODI_MOSCOW[0]])
    assert [c.status for c in rec.review_list(country="RUS", status="planned").items] == ["planned"]
    assert len(rec.review_list(country="RUS", status="occurred").items) == 1


def test_a_trip_already_in_the_record_is_named(rec: dt.Record, tmp_path: Path) -> None:
    trip = rec.create_trip(
        "Narendra Modi",
        [NewStop("Russia", "2024-07-08", "2024-07-09", ("Moscow",), kind="official")],
        source=NewSource("Ministry of External Affairs"),
    )
    summary = _ingest(rec, tmp_path, MODI_MOSCOW[:2])
    (found,) = rec.review_list(country="RUS").items
    assert found.trip_id == trip.id
    assert summary.matched == 1
    assert rec.trip(trip.id).version == 1  # the record changes on acceptance only


def test_an_unresolved_visitor_merges_by_name(rec: dt.Record) -> None:
    from diplotrack.news import queue
    from diplotrack.news.result import Evidence, ExtractedTrip

    def read(n: int, start: str) -> queue.ReadArticle:
        trip = ExtractedTrip(
            None,
            None,
            "President Nobody",
            None,
            "KAZ",
            [],
            start,
            None,
            "occurred",
            "unknown",
            None,
            None,
            0.5,
            [Evidence(f"President Nobody came {n}.", 0, 20, "en:go")],
        )
        return queue.ReadArticle(f"digest{n}", None, "2024-05-02", None, "en", 30, (trip,))

    with rec.db.transaction() as conn:
        counts = queue.write_batch(conn, [read(1, "2024-05-01"), read(2, "2024-05-01")])
    assert len(counts.created) == 1 and counts.merged == 1
    (found,) = rec.review_list().items
    assert found.visitor_name == "President Nobody" and found.to_dict()["visitor"] is None


def test_the_earlier_start_is_kept_and_an_end_before_it_is_only_a_conflict(
    rec: dt.Record,
) -> None:
    from diplotrack.news import queue
    from diplotrack.news.result import Evidence, ExtractedTrip

    def read(n: int, start: str, end: str | None) -> queue.ReadArticle:
        trip = ExtractedTrip(
            leader_id="vladimir-putin",
            name="Vladimir Putin",
            written="Putin",
            office="President",
            host_country="JPN",
            cities=["Tokyo"],
            start_date=start,
            end_date=end,
            status="occurred",
            kind="unknown",
            occasion=None,
            ordinal=None,
            confidence=0.8,
            evidence=[Evidence(f"Putin was in Tokyo ({n}).", 0, 24, "en:go")],
        )
        return queue.ReadArticle(f"digest{n}", None, "2016-12-17", None, "en", 30, (trip,))

    with rec.db.transaction() as conn:
        queue.write_batch(conn, [read(1, "2016-12-16", None), read(2, "2016-12-14", "2016-12-15")])
    (found,) = rec.review_list().items
    assert (found.start_date, found.end_date) == ("2016-12-14", "2016-12-15")
    assert found.conflicts == {"start_date": ["2016-12-16", "2016-12-14"]}
