"""Which trip a mention is: the pending candidate it joins, and the record trip a candidate
already is.

Every mention, candidate and record stop is compared as a span of days:

- its dates when it has them (a partial date stands for every day it may be);
- else the days around the articles' publication dates: for an occurred trip the week
  before publication (and the day after), for a planned or cancelled one from a week before
  to three months after (announcements run ahead of the trip).

A mention joins a pending candidate of the same visitor (the resolved leader, or the same
name as written when unresolved), host country and status whose span is at most
``JOIN_SLACK_DAYS`` days from its own; the closest wins. A candidate *is* a record trip
of the same leader with a stop in the host country whose dates are at most
``MATCH_SLACK_DAYS`` from the candidate's (the status may differ: a planned trip in the
record is the trip that an article later reports as made).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from diplotrack.dates import bounds
from diplotrack.news.result import ExtractedTrip, dates_agree
from diplotrack.store import schema

JOIN_SLACK_DAYS = 3
MATCH_SLACK_DAYS = 1
UNDATED_DAYS = {"occurred": (-7, 1), "planned": (-7, 90), "cancelled": (-7, 90)}

Span = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class Pending:
    """A pending candidate as matching sees it."""

    row: Any
    span: Span


def span_of(
    start: str | None, end: str | None, status: str, published: Sequence[str | None]
) -> Span | None:
    """The days a trip may cover: from its dates, else around its publication dates;
    None when it has neither."""
    if start is not None:
        last = end if end is not None and bounds(end)[1] >= bounds(start)[0] else start
        return bounds(start)[0], bounds(last)[1]
    days = sorted(dt.date.fromisoformat(p[:10]) for p in published if p)
    if not days:
        return None
    before, after = UNDATED_DAYS.get(status, (-7, 1))
    return days[0] + dt.timedelta(days=before), days[-1] + dt.timedelta(days=after)


def gap(a: Span | None, b: Span | None) -> int:
    """Days between two spans (0 when they overlap); an unknown span is no gap."""
    if a is None or b is None:
        return 0
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def pending_like(conn: Connection, trip: ExtractedTrip) -> list[Pending]:
    """Pending candidates of this trip's visitor, host country and status."""
    cand = schema.candidates
    c = cand.c
    query = select(cand).where(
        c.state == "pending", c.host_country == trip.host_country, c.status == trip.status
    )
    if trip.leader_id is not None:
        query = query.where(c.leader_id == trip.leader_id)
    else:
        query = query.where(c.leader_id.is_(None))
    rows = [
        r
        for r in conn.execute(query)
        if trip.leader_id is not None or r.visitor_name.casefold() == trip.written.casefold()
    ]
    published = published_ranges(conn, [r.id for r in rows if r.start_date is None])
    return [
        Pending(r, span_of(r.start_date, r.end_date, r.status, published.get(r.id, ())) or _far())
        for r in rows
    ]


def _far() -> Span:
    return dt.date.min, dt.date.min


def published_ranges(conn: Connection, candidate_ids: list[str]) -> dict[str, tuple[str, str]]:
    """The first and last publication date of each candidate's articles (for an article
    without one, the day it was read: relative dates in it were read against that day)."""
    if not candidate_ids:
        return {}
    m, a = schema.mentions, schema.articles
    day = func.coalesce(m.c.published, func.substr(a.c.seen_at, 1, 10))
    query = (
        select(m.c.candidate_id, func.min(day), func.max(day))
        .join(a, a.c.id == m.c.article_id)
        .where(m.c.candidate_id.in_(candidate_ids))
        .group_by(m.c.candidate_id)
    )
    return {row[0]: (row[1], row[2]) for row in conn.execute(query) if row[1]}


def closest(pending: Sequence[Pending], trip: ExtractedTrip, span: Span | None) -> Any | None:
    """The pending candidate this mention joins, or None: the nearest in time within
    ``JOIN_SLACK_DAYS``; agreeing dates first, then the oldest."""
    near = [(gap(p.span, span), p) for p in pending if gap(p.span, span) <= JOIN_SLACK_DAYS]
    if not near:
        return None
    near.sort(
        key=lambda item: (
            item[0],
            not dates_agree(item[1].row.start_date, trip.start_date),
            item[1].row.created_at,
            item[1].row.id,
        )
    )
    return near[0][1].row


def record_trip(conn: Connection, candidate: Any) -> str | None:
    """The id of the record trip this candidate is, or None (see the module's notes)."""
    if candidate.leader_id is None:
        return None
    published = published_ranges(conn, [candidate.id]).get(candidate.id, ())
    span = span_of(candidate.start_date, candidate.end_date, candidate.status, published)
    if span is None:
        return None
    lo = (span[0] - dt.timedelta(days=MATCH_SLACK_DAYS)).isoformat()
    hi = (span[1] + dt.timedelta(days=MATCH_SLACK_DAYS)).isoformat()
    s, t = schema.stops, schema.trips
    query = (
        select(s.c.trip_id, s.c.start_lo, s.c.end_hi, t.c.status)
        .join(t, t.c.id == s.c.trip_id)
        .where(
            t.c.leader_id == candidate.leader_id,
            t.c.deleted.is_(False),
            s.c.country == candidate.host_country,
            s.c.start_lo.is_not(None),
            s.c.start_lo <= hi,
            s.c.end_hi >= lo,
        )
    )
    rows = list(conn.execute(query))
    if not rows:
        return None
    best = min(
        rows,
        key=lambda r: (
            gap(span, (dt.date.fromisoformat(r.start_lo), dt.date.fromisoformat(r.end_hi))),
            r.status != candidate.status,
            r.trip_id,
        ),
    )
    return str(best.trip_id)
