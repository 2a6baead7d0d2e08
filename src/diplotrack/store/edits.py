"""Human edits of trips: every one checked against the version it was made on and written
to the append-only change log. Deletion is soft; merging keeps both trips' evidence.

The version check is atomic: each edit first moves the trip's version on with
``UPDATE trips … WHERE id = :id AND version = :v`` and goes on only if that touched the row.
Two editors who read the same version cannot both pass it: on PostgreSQL the second UPDATE
waits for the first transaction, then finds the version changed; on SQLite writers take the
database lock in turn. The loser gets :class:`Conflict` and nothing of its edit is written."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from diplotrack.analysis.visits import DISPUTED_FLAG
from diplotrack.dates import DateError, check_order, lower, parse_partial, upper
from diplotrack.errors import Conflict, DiplotrackError, InputError, NotFound
from diplotrack.model import Change, Evidence, Status, Stop, StopKind, Trip
from diplotrack.places import gazetteer
from diplotrack.places.disputed import disputed
from diplotrack.store import schema
from diplotrack.store.database import log_change
from diplotrack.store.trips import fingerprint, write_trips
from diplotrack.text import split_list, stable_id
from diplotrack.timeutil import now_iso

TRIP_FIELDS = ("status", "notes")
STOP_FIELDS = ("country", "cities", "start_date", "end_date", "kind", "occasion", "notes")
ORIGIN = "entered"


class TripExists(DiplotrackError):
    """A new trip the record already holds: the same leader, countries and start dates."""

    def __init__(self, trip_id: str) -> None:
        super().__init__(
            f"trip {trip_id} already exists (same leader, countries and start dates): "
            "edit it instead"
        )
        self.trip_id = trip_id


@dataclass(frozen=True, slots=True)
class NewSource:
    """Where an entered fact comes from: a name (a dataset, a newspaper) and a URL,
    excerpt or locator to find it by."""

    name: str
    url: str | None = None
    excerpt: str | None = None
    locator: str | None = None


@dataclass(frozen=True, slots=True)
class NewStop:
    """One stop of an entered trip, as a person types it: a country by any name, dates as
    (partial) ISO 8601 text, its own source or none (then the trip's)."""

    country: str
    start_date: str | None = None
    end_date: str | None = None
    cities: tuple[str, ...] = ()
    kind: str = "unknown"
    occasion: str | None = None
    notes: str | None = None
    source: NewSource | None = None


def _current(conn: Connection, trip_id: str, version: int | None) -> Any:
    row = conn.execute(select(schema.trips).where(schema.trips.c.id == trip_id)).first()
    if row is None:
        raise NotFound(f"no trip {trip_id!r}")
    if version is not None and row.version != version:
        raise Conflict(
            f"trip {trip_id} is at version {row.version}, not {version}: reload it and try again"
        )
    return row


def _bump(conn: Connection, trip_id: str, version: int, **values: Any) -> None:
    """Move the trip from ``version`` to the next, or raise Conflict if another edit got
    there first (the check and the write are one statement)."""
    done = conn.execute(
        schema.trips.update()
        .where(schema.trips.c.id == trip_id, schema.trips.c.version == version)
        .values(version=version + 1, updated_at=now_iso(), **values)
    )
    if done.rowcount != 1:
        now = conn.execute(
            select(schema.trips.c.version).where(schema.trips.c.id == trip_id)
        ).scalar()
        raise Conflict(
            f"trip {trip_id} changed meanwhile: it is at version {now}, not {version}: "
            "reload it and try again"
        )


def set_deleted(
    conn: Connection, trip_id: str, deleted: bool, *, who: str, why: str, version: int | None
) -> None:
    row = _current(conn, trip_id, version)
    if bool(row.deleted) == deleted:
        return
    _bump(conn, trip_id, row.version, deleted=deleted)
    log_change(
        conn,
        who=who,
        action="delete" if deleted else "restore",
        entity="trip",
        entity_id=trip_id,
        data={"version": row.version + 1},
        why=why,
    )


def edit(
    conn: Connection,
    trip_id: str,
    changes: dict[str, str],
    *,
    who: str,
    why: str,
    version: int | None,
) -> None:
    """Apply ``field=value`` changes: trip fields (``status``, ``notes``) or stop fields
    as ``N.field`` for stop N, counted from 1 as ``trip show`` lists them (``1.kind=state``,
    ``2.cities=Astana;Almaty``)."""
    if not changes:
        raise InputError("nothing to change: give at least one field=value")
    row = _current(conn, trip_id, version)
    trip_values = {k: _trip_value(k, v) for k, v in changes.items() if k in TRIP_FIELDS}
    _bump(conn, trip_id, row.version, **trip_values)
    before: dict[str, Any] = {key: getattr(row, key) for key in trip_values}
    for key, value in changes.items():
        if key not in TRIP_FIELDS:
            before[key] = _edit_stop(conn, trip_id, key, value)
    _refresh_dates(conn, trip_id)
    log_change(
        conn,
        who=who,
        action="edit",
        entity="trip",
        entity_id=trip_id,
        data={"before": before, "after": changes, "version": row.version + 1},
        why=why,
    )


def _trip_value(key: str, value: str) -> str | None:
    if key == "status":
        try:
            return Status(value).value
        except ValueError:
            raise InputError(
                f"status: {value!r} is not one of " + ", ".join(s.value for s in Status)
            ) from None
    return value or None


def _edit_stop(conn: Connection, trip_id: str, key: str, value: str) -> Any:
    seq_text, _, field = key.partition(".")
    if not seq_text.isdigit() or int(seq_text) < 1 or field not in STOP_FIELDS:
        raise InputError(
            f"cannot edit {key!r}: use {', '.join(TRIP_FIELDS)} or N.field with "
            f"field one of {', '.join(STOP_FIELDS)}"
        )
    stop = conn.execute(
        select(schema.stops).where(
            schema.stops.c.trip_id == trip_id, schema.stops.c.seq == int(seq_text) - 1
        )
    ).first()
    if stop is None:
        raise NotFound(f"trip {trip_id} has no stop {seq_text}")
    values = _stop_values(field, value, stop)
    conn.execute(schema.stops.update().where(schema.stops.c.id == stop.id).values(**values))
    return getattr(stop, field)


def _stop_values(field: str, value: str, stop: Any) -> dict[str, Any]:
    if field == "cities":
        return {"cities": json.dumps(list(split_list(value)), ensure_ascii=False)}
    if field == "kind":
        try:
            return {"kind": StopKind(value).value}
        except ValueError:
            raise InputError(
                f"kind: {value!r} is not one of " + ", ".join(k.value for k in StopKind)
            ) from None
    if field == "country":
        country = gazetteer().country(value)
        if country is None:
            raise InputError(f"country: unknown country {value!r}")
        return {"country": country.iso3}
    if field in ("start_date", "end_date"):
        return _date_values(field, value, stop)
    return {field: value or None}


def _date_values(field: str, value: str, stop: Any) -> dict[str, Any]:
    try:
        date = parse_partial(value)
        start = date if field == "start_date" else stop.start_date
        end = date if field == "end_date" else stop.end_date
        if start:
            check_order(start, end)
    except DateError as exc:
        raise InputError(f"{field}: {exc}") from exc
    last = end or start
    return {
        field: date,
        "start_lo": lower(start) if start else None,
        "end_hi": upper(last) if last else None,
    }


def _refresh_dates(conn: Connection, trip_id: str) -> None:
    starts = conn.execute(
        select(func.min(schema.stops.c.start_lo)).where(schema.stops.c.trip_id == trip_id)
    ).scalar()
    rows = conn.execute(
        select(schema.stops.c.start_date, schema.stops.c.start_lo).where(
            schema.stops.c.trip_id == trip_id
        )
    ).all()
    first = next((r.start_date for r in rows if r.start_lo == starts), None)
    conn.execute(
        schema.trips.update()
        .where(schema.trips.c.id == trip_id)
        .values(
            start_date=first,
            start_lo=lower(first) if first else None,
            start_hi=upper(first) if first else None,
        )
    )


def merge(
    conn: Connection,
    keep: str,
    other: str,
    *,
    who: str,
    why: str,
    version: int | None = None,
    other_version: int | None = None,
) -> None:
    """Move ``other``'s stops and evidence into ``keep`` and soft-delete ``other``; each
    version, when given, must be the trip's current one."""
    if keep == other:
        raise InputError("cannot merge a trip with itself")
    kept, gone = _current(conn, keep, version), _current(conn, other, other_version)
    if kept.leader_id != gone.leader_id:
        raise InputError(f"trips {keep} and {other} belong to different leaders")
    # Both trips move on first, in id order, so two opposite merges cannot deadlock.
    bumps: dict[str, dict[str, Any]] = {
        keep: {},
        other: {"deleted": True, "notes": f"merged into {keep}"},
    }
    versions = {keep: kept.version, other: gone.version}
    for trip_id in sorted(bumps):
        _bump(conn, trip_id, versions[trip_id], **bumps[trip_id])
    offset = (
        conn.execute(
            select(func.count()).select_from(schema.stops).where(schema.stops.c.trip_id == keep)
        ).scalar()
        or 0
    )
    moved = conn.execute(
        select(schema.stops.c.id, schema.stops.c.seq).where(schema.stops.c.trip_id == other)
    ).all()
    for stop in moved:
        conn.execute(
            schema.stops.update()
            .where(schema.stops.c.id == stop.id)
            .values(trip_id=keep, seq=offset + stop.seq)
        )
    conn.execute(
        schema.evidence.update().where(schema.evidence.c.trip_id == other).values(trip_id=keep)
    )
    _refresh_dates(conn, keep)
    data: dict[str, object] = {"kept": keep, "merged": other, "stops_moved": [s.id for s in moved]}
    log_change(conn, who=who, action="merge", entity="trip", entity_id=keep, data=data, why=why)
    log_change(
        conn, who=who, action="merged-into", entity="trip", entity_id=other, data=data, why=why
    )


def history(conn: Connection, entity: str, entity_id: str) -> list[Change]:
    import datetime as dt

    rows = conn.execute(
        select(schema.changes)
        .where(schema.changes.c.entity == entity, schema.changes.c.entity_id == entity_id)
        .order_by(schema.changes.c.id)
    )
    return [
        Change(
            r.id,
            dt.datetime.fromisoformat(r.at),
            r.who,
            r.action,
            r.entity,
            r.entity_id,
            json.loads(r.data),
            r.why,
        )
        for r in rows
    ]


# -- entering a new trip ---------------------------------------------------------------


def new_trip(
    leader_id: str,
    stops: Sequence[NewStop],
    *,
    status: str = "occurred",
    notes: str | None = None,
    source: NewSource | None = None,
) -> Trip:
    """A trip from typed-in values, checked as an import checks its rows. Its id comes from
    the leader, countries and start dates, so entering the same trip twice is refused."""
    if not stops:
        raise InputError("a trip needs at least one stop")
    built = [_new_stop(n, stop) for n, stop in enumerate(stops, start=1)]
    places = [[s.country, s.start_date or ""] for s in built]
    trip_id = stable_id("t", ORIGIN, leader_id, json.dumps(places))
    for n, (stop, given) in enumerate(zip(built, stops, strict=True), start=1):
        chosen = given.source or source
        if chosen is None:
            raise InputError(f"stop {n}: no source; give one for the trip or for the stop")
        stop.evidence.append(_evidence(chosen, f"{trip_id}#{n}"))
    state = Status(_trip_value("status", status) or "")
    return Trip(trip_id, leader_id, built, state, notes or None, ORIGIN)


def _new_stop(n: int, given: NewStop) -> Stop:
    try:
        start = parse_partial(given.start_date) if given.start_date else None
        end = parse_partial(given.end_date) if given.end_date else None
        if start:
            check_order(start, end)
        elif end:
            raise DateError("an end date needs a start date")
        kind = StopKind(given.kind)
    except DateError as exc:
        raise InputError(f"stop {n}: {exc}") from exc
    except ValueError:
        choices = ", ".join(k.value for k in StopKind)
        raise InputError(f"stop {n}: kind {given.kind!r} is not one of {choices}") from None
    country, flags = _place(n, given.country, given.cities)
    return Stop(
        country=country,
        start_date=start,
        end_date=end,
        cities=tuple(c.strip() for c in given.cities if c.strip()),
        kind=kind,
        occasion=given.occasion or None,
        notes=given.notes or None,
        flags=flags,
    )


def _place(n: int, text: str, cities: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The stop's country (ISO3), and a disputed-place flag when the country or a city is
    one (it then counts under the configured policy, as imports do)."""
    place = disputed(text) or next((p for p in map(disputed, cities) if p is not None), None)
    flags = (f"{DISPUTED_FLAG}{place.id}",) if place is not None else ()
    country = gazetteer().country(text)
    if country is not None:
        return country.iso3, flags
    if place is not None:
        return place.de_jure, flags
    raise InputError(f"stop {n}: unknown country {text!r}")


def _evidence(source: NewSource, record_id: str) -> Evidence:
    if not source.name.strip():
        raise InputError("a source needs a name (a dataset, a newspaper, a person)")
    return Evidence(
        source=source.name.strip(),
        record_id=record_id,
        url=source.url or None,
        locator=source.locator or None,
        excerpt=source.excerpt or None,
        rule="entered",
    )


def create(conn: Connection, trip: Trip, *, who: str, why: str | None) -> None:
    """Add an entered trip (from :func:`new_trip`) and log it; TripExists if it is there.
    (The same trip entered at the same moment elsewhere fails at commit with an
    IntegrityError, which the caller turns into TripExists.)"""
    exists = conn.execute(select(schema.trips.c.id).where(schema.trips.c.id == trip.id)).first()
    if exists is not None:
        raise TripExists(trip.id)
    write_trips(conn, [trip], who=who, source=ORIGIN)
    data: dict[str, object] = {"after": json.loads(fingerprint(trip)), "version": 1}
    log_change(conn, who=who, action="create", entity="trip", entity_id=trip.id, data=data, why=why)
