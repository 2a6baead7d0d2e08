"""Trips, stops and evidence in the store: idempotent writes and filtered reads."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, select

from diplotrack.dates import lower, upper
from diplotrack.model import Evidence, Status, Stop, StopKind, Trip
from diplotrack.store import schema
from diplotrack.store.database import log_change
from diplotrack.text import stable_id
from diplotrack.timeutil import now_iso

CHUNK = 500


@dataclass(slots=True)
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    updated_ids: list[str] = field(default_factory=list)


def fingerprint(trip: Trip) -> str:
    """The imported content that decides whether a re-imported trip changed (evidence
    aside). It is stored as the source gave it: a person's later edit does not change it,
    so re-importing unchanged data keeps the edit."""
    stops = [
        [
            s.country,
            list(s.cities),
            s.start_date,
            s.end_date,
            s.kind.value,
            s.occasion,
            s.stated_title,
            s.notes,
            list(s.flags),
        ]
        for s in trip.stops
    ]
    return json.dumps([trip.leader_id, trip.status.value, trip.notes, stops], ensure_ascii=False)


def write_trips(conn: Connection, trips: Sequence[Trip], *, who: str, source: str) -> WriteCounts:
    """Insert new trips, replace changed ones, leave equal ones alone; one change-log entry
    per replaced trip. Runs in the caller's transaction."""
    counts = WriteCounts()
    existing = _fingerprints(conn, [t.id for t in trips])
    fresh: list[Trip] = []
    unchanged: list[Trip] = []
    for trip in trips:
        _assign_stop_ids(trip)
        old = existing.get(trip.id)
        new = fingerprint(trip)
        if old is None:
            fresh.append(trip)
        elif old == new:
            counts.unchanged += 1
            unchanged.append(trip)
        else:
            _replace(conn, trip, new, who=who, source=source)
            counts.updated += 1
            counts.updated_ids.append(trip.id)
    _add_missing_evidence(conn, unchanged)
    _insert(conn, fresh)
    counts.added = len(fresh)
    return counts


def _assign_stop_ids(trip: Trip) -> None:
    for seq, stop in enumerate(trip.stops):
        if not stop.id:
            stop.id = stable_id("s", trip.id, str(seq))


def _fingerprints(conn: Connection, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(
            select(schema.trips.c.id, schema.trips.c.fingerprint).where(
                schema.trips.c.id.in_(chunk)
            )
        )
        found.update({row.id: row.fingerprint for row in rows})
    return found


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(conn: Connection, trips: Sequence[Trip]) -> None:
    if not trips:
        return
    stamp = now_iso()
    conn.execute(schema.trips.insert(), [_trip_row(t, stamp) for t in trips])
    stop_rows = [_stop_row(t, seq, s) for t in trips for seq, s in enumerate(t.stops)]
    for start in range(0, len(stop_rows), 5000):
        conn.execute(schema.stops.insert(), stop_rows[start : start + 5000])
    ev_rows = _evidence_rows(trips, stamp)
    for start in range(0, len(ev_rows), 5000):
        conn.execute(schema.evidence.insert(), ev_rows[start : start + 5000])


def _trip_row(trip: Trip, stamp: str, version: int = 1) -> dict[str, Any]:
    start = trip.start_date
    return {
        "id": trip.id,
        "leader_id": trip.leader_id,
        "status": trip.status.value,
        "start_date": start,
        "end_date": trip.end_date,
        "start_lo": lower(start) if start else None,
        "start_hi": upper(start) if start else None,
        "notes": trip.notes,
        "origin": trip.origin,
        "fingerprint": fingerprint(trip),
        "version": version,
        "deleted": False,
        "created_at": stamp,
        "updated_at": stamp,
    }


def _stop_row(trip: Trip, seq: int, stop: Stop) -> dict[str, Any]:
    end = stop.end_date or stop.start_date
    return {
        "id": stop.id,
        "trip_id": trip.id,
        "seq": seq,
        "country": stop.country,
        "cities": json.dumps(list(stop.cities), ensure_ascii=False),
        "start_date": stop.start_date,
        "end_date": stop.end_date,
        "start_lo": lower(stop.start_date) if stop.start_date else None,
        "end_hi": upper(end) if end else None,
        "kind": stop.kind.value,
        "occasion": stop.occasion,
        "stated_title": stop.stated_title,
        "notes": stop.notes,
        "flags": json.dumps(list(stop.flags), ensure_ascii=False),
    }


def evidence_id(ev: Evidence) -> str:
    return stable_id("e", ev.source, ev.record_id)


def _evidence_rows(trips: Iterable[Trip], stamp: str) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for trip in trips:
        for stop in trip.stops:
            for ev in stop.evidence:
                rows.setdefault(evidence_id(ev), evidence_row(trip.id, stop.id, ev, stamp))
    return list(rows.values())


def evidence_row(trip_id: str, stop_id: str, ev: Evidence, stamp: str) -> dict[str, Any]:
    """The evidence table's row for one source of a stop (``stamp`` when it has no date)."""
    return {
        "id": evidence_id(ev),
        "stop_id": stop_id,
        "trip_id": trip_id,
        "source": ev.source,
        "record_id": ev.record_id,
        "url": ev.url,
        "locator": ev.locator,
        "excerpt": ev.excerpt,
        "rule": ev.rule,
        "seen_at": ev.seen_at or stamp,
    }


def _add_missing_evidence(conn: Connection, trips: Sequence[Trip]) -> None:
    """Evidence a re-import brings for trips it left unchanged (a second source record of
    the same stop), looked up in chunks rather than a query per trip."""
    wanted = _evidence_rows(trips, now_iso())
    have: set[str] = set()
    for chunk in _chunks([row["id"] for row in wanted]):
        have.update(
            conn.scalars(select(schema.evidence.c.id).where(schema.evidence.c.id.in_(chunk)))
        )
    missing = [row for row in wanted if row["id"] not in have]
    if missing:
        conn.execute(schema.evidence.insert(), missing)


def _replace(conn: Connection, trip: Trip, new_print: str, *, who: str, source: str) -> None:
    old = conn.execute(select(schema.trips).where(schema.trips.c.id == trip.id)).one()
    sources = {ev.source for ev in trip.evidence}
    kept = [
        dict(row._mapping)
        for row in conn.execute(select(schema.evidence).where(schema.evidence.c.trip_id == trip.id))
        if row.source not in sources
    ]
    conn.execute(schema.evidence.delete().where(schema.evidence.c.trip_id == trip.id))
    conn.execute(schema.stops.delete().where(schema.stops.c.trip_id == trip.id))
    row = _trip_row(trip, now_iso(), version=old.version + 1)
    row["created_at"] = old.created_at
    row["deleted"] = old.deleted
    conn.execute(schema.trips.update().where(schema.trips.c.id == trip.id).values(**row))
    conn.execute(schema.stops.insert(), [_stop_row(trip, i, s) for i, s in enumerate(trip.stops)])
    stop_ids = {s.id for s in trip.stops}
    evidence = _evidence_rows([trip], now_iso()) + [r for r in kept if r["stop_id"] in stop_ids]
    if evidence:
        conn.execute(schema.evidence.insert(), evidence)
    log_change(
        conn,
        who=who,
        action="update",
        entity="trip",
        entity_id=trip.id,
        data={
            "source": source,
            "before": json.loads(old.fingerprint),
            "after": json.loads(new_print),
        },
        why=f"re-import from {source}",
    )


def load_trips(
    conn: Connection,
    *,
    leader_ids: Sequence[str] | None = None,
    trip_ids: Sequence[str] | None = None,
    countries: Sequence[str] | None = None,
    include_deleted: bool = False,
) -> list[Trip]:
    """Trips with their stops and evidence, ordered by start date then id."""
    query = select(schema.trips)
    if not include_deleted:
        query = query.where(schema.trips.c.deleted.is_(False))
    if leader_ids is not None:
        query = query.where(schema.trips.c.leader_id.in_(list(leader_ids)))
    if trip_ids is not None:
        query = query.where(schema.trips.c.id.in_(list(trip_ids)))
    if countries is not None:
        visited = select(schema.stops.c.trip_id).where(schema.stops.c.country.in_(countries))
        query = query.where(schema.trips.c.id.in_(visited))
    rows = list(conn.execute(query.order_by(schema.trips.c.start_lo, schema.trips.c.id)))
    return _hydrate(conn, rows)


def _hydrate(conn: Connection, rows: list[Row[Any]]) -> list[Trip]:
    ids = [row.id for row in rows]
    stops_by_trip: dict[str, list[Stop]] = defaultdict(list)
    stop_index: dict[str, Stop] = {}
    for chunk in _chunks(ids):
        query = select(schema.stops).where(schema.stops.c.trip_id.in_(chunk))
        for srow in conn.execute(query.order_by(schema.stops.c.trip_id, schema.stops.c.seq)):
            stop = _stop(srow)
            stops_by_trip[srow.trip_id].append(stop)
            stop_index[stop.id] = stop
        evq = select(schema.evidence).where(schema.evidence.c.trip_id.in_(chunk))
        for erow in conn.execute(evq.order_by(schema.evidence.c.source, schema.evidence.c.id)):
            if erow.stop_id in stop_index:
                stop_index[erow.stop_id].evidence.append(_evidence(erow))
    return [
        Trip(
            id=row.id,
            leader_id=row.leader_id,
            stops=stops_by_trip.get(row.id, []),
            status=Status(row.status),
            notes=row.notes,
            origin=row.origin,
            version=row.version,
            deleted=bool(row.deleted),
        )
        for row in rows
    ]


def _stop(row: Row[Any]) -> Stop:
    return Stop(
        id=row.id,
        country=row.country,
        start_date=row.start_date,
        end_date=row.end_date,
        cities=tuple(json.loads(row.cities)),
        kind=StopKind(row.kind),
        occasion=row.occasion,
        stated_title=row.stated_title,
        notes=row.notes,
        flags=tuple(json.loads(row.flags)),
    )


def _evidence(row: Row[Any]) -> Evidence:
    return Evidence(
        source=row.source,
        record_id=row.record_id,
        url=row.url,
        locator=row.locator,
        excerpt=row.excerpt,
        rule=row.rule,
        seen_at=row.seen_at,
    )
