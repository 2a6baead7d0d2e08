"""The review queue as it is read: candidate trips with the article sentences behind them,
listed and shown in the JSON the HTTP API and the pages use.

A candidate is one trip that one or more articles report, waiting for a person's decision
(``pending``), or decided (``accepted``: it is, or added evidence to, trip ``trip_id`` of the
record; ``rejected``). ``conflicts`` holds, per field, the values the articles disagree on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, func, select

from diplotrack.errors import InputError, NotFound
from diplotrack.news.result import Evidence
from diplotrack.places import gazetteer
from diplotrack.store import schema

STATES = ("pending", "accepted", "rejected")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One trip read from the news, as the review queue holds it."""

    id: str
    leader_id: str | None
    leader_name: str | None
    visitor_name: str
    office: str | None
    host_country: str
    cities: tuple[str, ...]
    start_date: str | None
    end_date: str | None
    status: str
    kind: str
    occasion: str | None
    ordinal: int | None
    confidence: float
    conflicts: dict[str, list[Any]]
    state: str
    trip_id: str | None
    version: int
    created_at: str
    updated_at: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The review item's JSON (the contract of ``/api/review`` and the review page)."""
        visitor = {"id": self.leader_id, "name": self.leader_name} if self.leader_id else None
        return {
            "id": self.id,
            "visitor": visitor,
            "visitor_name": self.visitor_name,
            "office": self.office,
            "host_country": self.host_country,
            "host_name": country_name(self.host_country),
            "cities": list(self.cities),
            "start_date": self.start_date,
            "end_date": self.end_date,
            "status": self.status,
            "kind": self.kind,
            "occasion": self.occasion,
            "ordinal": self.ordinal,
            "confidence": self.confidence,
            "conflicts": self.conflicts,
            "state": self.state,
            "trip_id": self.trip_id,
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "evidence": [_evidence_dict(e) for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Filters:
    """Which candidates a listing shows; every field narrows it."""

    state: str | None = "pending"
    leader_id: str | None = None
    host_country: str | None = None
    status: str | None = None
    conflicted: bool = False

    def check(self) -> None:
        if self.state is not None and self.state not in STATES:
            raise InputError(f"state {self.state!r} is not one of {', '.join(STATES)}")
        if self.status is not None and self.status not in ("occurred", "planned", "cancelled"):
            raise InputError(f"status {self.status!r} is not one of occurred, planned, cancelled")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing, and how many candidates the whole listing has."""

    items: list[Candidate] = field(default_factory=list)
    total: int = 0
    limit: int = 50
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [c.to_dict() for c in self.items],
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
        }


def country_name(code: str) -> str:
    try:
        return gazetteer().country_by_code(code).name
    except KeyError:
        return code


def _evidence_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "url": ev.url,
        "published": ev.published,
        "text": ev.text,
        "start": ev.start,
        "end": ev.end,
        "rule": ev.rule,
    }


def _query(filters: Filters) -> Any:
    cand = schema.candidates
    c = cand.c
    query = select(cand, schema.leaders.c.name.label("leader_name")).outerjoin(
        schema.leaders, schema.leaders.c.id == c.leader_id
    )
    if filters.state is not None:
        query = query.where(c.state == filters.state)
    if filters.leader_id is not None:
        query = query.where(c.leader_id == filters.leader_id)
    if filters.host_country is not None:
        query = query.where(c.host_country == filters.host_country)
    if filters.status is not None:
        query = query.where(c.status == filters.status)
    if filters.conflicted:
        query = query.where(c.conflicts != "{}")
    return query


def list_candidates(conn: Connection, filters: Filters, limit: int, offset: int) -> Page:
    """Candidates newest first (then by id), with their evidence."""
    filters.check()
    if limit < 1 or offset < 0:
        raise InputError("limit must be at least 1 and offset at least 0")
    query = _query(filters)
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0
    ordered = query.order_by(schema.candidates.c.created_at.desc(), schema.candidates.c.id)
    rows = list(conn.execute(ordered.limit(limit).offset(offset)))
    return Page(_with_evidence(conn, rows), int(total), limit, offset)


def get_candidate(conn: Connection, candidate_id: str) -> Candidate:
    """One candidate with every sentence behind it; NotFound if there is none."""
    query = _query(Filters(state=None)).where(schema.candidates.c.id == candidate_id)
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no candidate {candidate_id!r} in the review queue")
    return _with_evidence(conn, [row])[0]


def _with_evidence(conn: Connection, rows: Sequence[Row[Any]]) -> list[Candidate]:
    found = evidence_of(conn, [r.id for r in rows])
    return [candidate_of(r, found.get(r.id, [])) for r in rows]


def evidence_of(conn: Connection, candidate_ids: list[str]) -> dict[str, list[Evidence]]:
    """The sentences behind each candidate, by publication date and position."""
    m = schema.mentions
    found: dict[str, list[Evidence]] = defaultdict(list)
    for start in range(0, len(candidate_ids), 500):
        chunk = candidate_ids[start : start + 500]
        query = (
            select(m)
            .where(m.c.candidate_id.in_(chunk))
            .order_by(m.c.candidate_id, m.c.published, m.c.article_id, m.c.start)
        )
        for row in conn.execute(query):
            found[row.candidate_id].append(
                Evidence(row.sentence, row.start, row.end, row.rule, row.url, row.published)
            )
    return found


def trip_fields(row: Any) -> dict[str, Any]:
    """The fields a candidate row shares with the trip it stands for."""
    return {
        "office": row.office,
        "host_country": row.host_country,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "status": row.status,
        "kind": row.kind,
        "occasion": row.occasion,
        "ordinal": row.ordinal,
        "confidence": float(row.confidence),
        "conflicts": json.loads(row.conflicts),
    }


def candidate_of(row: Row[Any], evidence: Sequence[Evidence] = ()) -> Candidate:
    return Candidate(
        id=row.id,
        leader_id=row.leader_id,
        leader_name=getattr(row, "leader_name", None),
        visitor_name=row.visitor_name,
        cities=tuple(json.loads(row.cities)),
        state=row.state,
        trip_id=row.trip_id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        evidence=tuple(evidence),
        **trip_fields(row),
    )
