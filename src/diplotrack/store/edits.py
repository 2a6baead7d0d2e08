"""Human edits of trips: every one checked against the version it was made on and written
to the append-only change log. Deletion is soft; merging keeps both trips' evidence."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select

from diplotrack.dates import DateError, check_order, lower, parse_partial, upper
from diplotrack.errors import Conflict, InputError, NotFound
from diplotrack.model import Change, Status, StopKind
from diplotrack.places import gazetteer
from diplotrack.store import schema
from diplotrack.store.database import log_change
from diplotrack.text import split_list
from diplotrack.timeutil import now_iso

TRIP_FIELDS = ("status", "notes")
STOP_FIELDS = ("country", "cities", "start_date", "end_date", "kind", "occasion", "notes")


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
    conn.execute(
        schema.trips.update()
        .where(schema.trips.c.id == trip_id, schema.trips.c.version == version)
        .values(version=version + 1, updated_at=now_iso(), **values)
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
    row = _current(conn, trip_id, version)
    before: dict[str, Any] = {}
    trip_values: dict[str, Any] = {}
    for key, value in changes.items():
        if key in TRIP_FIELDS:
            trip_values[key] = _trip_value(key, value)
            before[key] = getattr(row, key)
        else:
            before[key] = _edit_stop(conn, trip_id, key, value)
    _bump(conn, trip_id, row.version, **trip_values)
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


def merge(conn: Connection, keep: str, other: str, *, who: str, why: str) -> None:
    """Move ``other``'s stops and evidence into ``keep`` and soft-delete ``other``."""
    if keep == other:
        raise InputError("cannot merge a trip with itself")
    kept, gone = _current(conn, keep, None), _current(conn, other, None)
    if kept.leader_id != gone.leader_id:
        raise InputError(f"trips {keep} and {other} belong to different leaders")
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
    _bump(conn, keep, kept.version)
    _bump(conn, other, gone.version, deleted=True, notes=f"merged into {keep}")
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
