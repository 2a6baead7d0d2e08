"""The review queue's store side: the trips read from a batch of articles, written in the
caller's transaction.

Each article is written once (``articles``; an article already there, by content digest or
by URL, is skipped). Each trip found in it becomes mentions (one per sentence) of a
candidate: the pending candidate of the same trip when there is one (news/matching.py),
which then absorbs the mention — missing fields filled, disagreements kept in
``conflicts``, never dropped — or else a new candidate. A candidate that is already a trip
of the record names it in ``trip_id``; the article becomes that trip's evidence only when
the candidate is accepted (news/review.py): the record changes by review alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, select

from diplotrack.dates import lower, upper
from diplotrack.news.candidates import trip_fields
from diplotrack.news.matching import closest, pending_like, record_trip, span_of
from diplotrack.news.result import ExtractedTrip, absorb, dates_agree
from diplotrack.store import schema
from diplotrack.text import stable_id
from diplotrack.timeutil import now_iso

# Fields whose different values, both given, mean the articles disagree (start and end
# dates are compared by their own rules below).
COMPARED = ("kind", "ordinal", "office")


@dataclass(frozen=True, slots=True)
class ReadArticle:
    """An article that was read, and the trips found in it."""

    id: str  # the content digest (news/article.py)
    url: str | None
    published: str | None
    title: str | None
    language: str
    chars: int
    trips: tuple[ExtractedTrip, ...] = ()


@dataclass(slots=True)
class BatchCounts:
    """What writing a batch did."""

    articles: int = 0  # articles written
    seen: int = 0  # articles skipped: already in the store (same text or same URL)
    trips: int = 0  # trips found in the written articles
    created: list[str] = field(default_factory=list)  # new candidates
    merged: int = 0  # trips that joined a candidate already pending
    matched: set[str] = field(default_factory=set)  # candidates that are a record trip
    touched: list[str] = field(default_factory=list)  # every candidate written, in order


@dataclass(slots=True)
class _Known:
    ids: set[str]
    urls: set[str]

    def has(self, article: ReadArticle) -> bool:
        return article.id in self.ids or (article.url is not None and article.url in self.urls)

    def add(self, article: ReadArticle) -> None:
        self.ids.add(article.id)
        if article.url is not None:
            self.urls.add(article.url)


def seen_urls(conn: Connection, urls: Sequence[str]) -> set[str]:
    """Which of these URLs belong to articles already read."""
    return _existing(conn, schema.articles.c.url, urls)


def seen_digests(conn: Connection, digests: Sequence[str]) -> set[str]:
    """Which of these content digests belong to articles already read."""
    return _existing(conn, schema.articles.c.id, digests)


def _existing(conn: Connection, column: Any, values: Sequence[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(set(values))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(conn.scalars(select(column).where(column.in_(chunk))))
    return found


def write_batch(conn: Connection, articles: Sequence[ReadArticle]) -> BatchCounts:
    """Write the articles and file every trip found in them into the queue."""
    counts = BatchCounts()
    known = _Known(
        seen_digests(conn, [a.id for a in articles]),
        seen_urls(conn, [a.url for a in articles if a.url]),
    )
    stamp = now_iso()
    for article in articles:
        if known.has(article):
            counts.seen += 1
            continue
        known.add(article)
        _write_article(conn, article, stamp)
        counts.articles += 1
        for n, trip in enumerate(article.trips):
            counts.trips += 1
            _file(conn, article, n, trip, counts, stamp)
    return counts


def _write_article(conn: Connection, article: ReadArticle, stamp: str) -> None:
    conn.execute(
        schema.articles.insert().values(
            id=article.id,
            url=article.url,
            published=article.published,
            title=article.title,
            language=article.language,
            chars=article.chars,
            trips=len(article.trips),
            seen_at=stamp,
        )
    )


def _file(
    conn: Connection,
    article: ReadArticle,
    n: int,
    trip: ExtractedTrip,
    counts: BatchCounts,
    stamp: str,
) -> None:
    """Add one trip of an article to the queue: to the candidate it joins, or a new one."""
    published = [article.published or stamp[:10]]
    span = span_of(trip.start_date, trip.end_date, trip.status, published)
    joined = closest(pending_like(conn, trip), trip, span)
    if joined is None:
        candidate_id = stable_id("c", article.id, str(n))
        _create(conn, candidate_id, trip, stamp)
        counts.created.append(candidate_id)
    else:
        candidate_id = joined.id
        _join(conn, joined, trip, stamp)
        counts.merged += 1
    _write_mentions(conn, candidate_id, article, n, trip)
    if candidate_id not in counts.touched:
        counts.touched.append(candidate_id)
    if relink(conn, candidate_id):
        counts.matched.add(candidate_id)


def _create(conn: Connection, candidate_id: str, trip: ExtractedTrip, stamp: str) -> None:
    conn.execute(
        schema.candidates.insert().values(
            id=candidate_id,
            **_fields(trip),
            state="pending",
            trip_id=None,
            version=1,
            created_at=stamp,
            updated_at=stamp,
        )
    )


def _fields(trip: ExtractedTrip) -> dict[str, Any]:
    """A candidate's columns from a trip."""
    return {
        "leader_id": trip.leader_id,
        "visitor_name": trip.written,
        "office": trip.office,
        "host_country": trip.host_country,
        "cities": json.dumps(trip.cities, ensure_ascii=False),
        "start_date": trip.start_date,
        "end_date": trip.end_date,
        "status": trip.status,
        "kind": trip.kind,
        "occasion": trip.occasion,
        "ordinal": trip.ordinal,
        "confidence": trip.confidence,
        "conflicts": json.dumps(trip.conflicts, ensure_ascii=False, sort_keys=True),
    }


def as_trip(row: Any) -> ExtractedTrip:
    """A candidate row as the trip it stands for (without its sentences)."""
    return ExtractedTrip(
        leader_id=row.leader_id,
        name=None,
        written=row.visitor_name,
        cities=list(json.loads(row.cities)),
        **trip_fields(row),
    )


def _join(conn: Connection, row: Any, trip: ExtractedTrip, stamp: str) -> None:
    """Fold a mention into a pending candidate; its version moves on."""
    into = as_trip(row)
    disagreements = differences(into, trip)
    absorb(into, replace(trip, evidence=[]))  # of two starts, the earlier: days of one visit
    if into.start_date and into.end_date and upper(into.end_date) < lower(into.start_date):
        disagreements.setdefault("end_date", []).append(into.end_date)
        into.end_date = None  # an end before the start: kept only among the conflicts
    for key, values in disagreements.items():
        known = into.conflicts.setdefault(key, [])
        known.extend(v for v in values if v not in known)
    conn.execute(
        schema.candidates.update()
        .where(schema.candidates.c.id == row.id)
        .values(**_fields(into), version=row.version + 1, updated_at=stamp)
    )


def differences(a: ExtractedTrip, b: ExtractedTrip) -> dict[str, list[Any]]:
    """The fields on which two reports of one trip disagree, with both values: start dates
    that do not agree at the coarser precision, cities that share none, and a different
    kind, ordinal or office (an unknown value never disagrees)."""
    found: dict[str, list[Any]] = {}
    if not dates_agree(a.start_date, b.start_date):
        found["start_date"] = [a.start_date, b.start_date]
    if a.cities and b.cities and not set(a.cities) & set(b.cities):
        found["cities"] = [*a.cities, *b.cities]
    for key in COMPARED:
        mine, theirs = getattr(a, key), getattr(b, key)
        if key == "kind" and "unknown" in (mine, theirs):
            continue
        if mine is not None and theirs is not None and mine != theirs:
            found[key] = [mine, theirs]
    return found


def _write_mentions(
    conn: Connection, candidate_id: str, article: ReadArticle, n: int, trip: ExtractedTrip
) -> None:
    said = {k: v for k, v in trip.to_dict().items() if k != "evidence"}
    rows = [
        {
            "id": stable_id("m", article.id, str(n), str(ev.start), str(ev.end)),
            "candidate_id": candidate_id,
            "article_id": article.id,
            "url": article.url,
            "published": article.published,
            "sentence": ev.text,
            "start": ev.start,
            "end": ev.end,
            "rule": ev.rule,
            "fields": json.dumps(said, ensure_ascii=False, sort_keys=True),
        }
        for ev in _distinct(trip)
    ]
    if rows:
        conn.execute(schema.mentions.insert(), rows)


def _distinct(trip: ExtractedTrip) -> list[Any]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for ev in trip.evidence:
        if (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            kept.append(ev)
    return kept


def relink(conn: Connection, candidate_id: str) -> bool:
    """Name in ``trip_id`` the record trip a pending candidate is (or none); whether it is
    one. Runs after every change of the candidate."""
    cand = schema.candidates
    c = cand.c
    row = conn.execute(select(cand).where(c.id == candidate_id)).one()
    if row.state != "pending":
        return row.trip_id is not None
    found = record_trip(conn, row)
    if found != row.trip_id:
        conn.execute(cand.update().where(c.id == candidate_id).values(trip_id=found))
    return found is not None
