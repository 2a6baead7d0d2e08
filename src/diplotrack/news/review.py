"""A person's decisions on the review queue: accept, reject and edit a candidate.

Each decision is made against the candidate's version (atomically: ``UPDATE … WHERE
version``, as trip edits are; a stale one raises :class:`~diplotrack.errors.Conflict`) and
is written to the change log (entity ``candidate``) with who, when and why.

Accepting a candidate changes the record through its normal write path:

- when the candidate is already a trip of the record (news/matching.py, checked again at
  the moment of accepting), every sentence behind it becomes evidence of that trip's stop
  in the host country, and a trip still ``planned`` takes the candidate's status when that
  is ``occurred`` or ``cancelled`` (news can only move a plan forward);
- otherwise a new trip is entered (store/edits.py ``new_trip`` and ``create``: the same
  checks and change-log entry as ``diplotrack trip add``), one stop in the host country with
  every sentence as evidence (source ``news``), origin ``news``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from diplotrack.dates import DateError, check_order, parse_partial
from diplotrack.errors import Conflict, InputError, NotFound
from diplotrack.model import Evidence, Status, StopKind, Trip
from diplotrack.news import queue
from diplotrack.news.candidates import evidence_of
from diplotrack.news.result import Evidence as Sentence
from diplotrack.people.offices import office_on
from diplotrack.places import gazetteer
from diplotrack.store import edits, schema
from diplotrack.store.database import log_change
from diplotrack.store.leaders import tenures_of
from diplotrack.text import split_list, stable_id
from diplotrack.timeutil import now_iso

if TYPE_CHECKING:
    from diplotrack.record import Record

SOURCE = "news"
EDITABLE = (
    "visitor",
    "visitor_name",
    "host_country",
    "cities",
    "start_date",
    "end_date",
    "status",
    "kind",
    "occasion",
    "ordinal",
)
Resolve = Callable[[str], str]  # a leader's name -> its id (NotFound, Ambiguous)
MIN_VISITOR = 0.75  # how sure the name service must be of a visitor typed in an edit
Value = str | int | Sequence[str] | None


@dataclass(frozen=True, slots=True)
class Decision:
    """What accepting did: the record trip, and whether it was already there."""

    trip_id: str
    linked: bool
    status_moved: bool = False


def current(conn: Connection, candidate_id: str, version: int | None) -> Any:
    row = conn.execute(
        select(schema.candidates).where(schema.candidates.c.id == candidate_id)
    ).first()
    if row is None:
        raise NotFound(f"no candidate {candidate_id!r} in the review queue")
    if version is not None and row.version != version:
        raise Conflict(
            f"candidate {candidate_id} is at version {row.version}, not {version}: "
            "reload it and decide again"
        )
    return row


def _bump(conn: Connection, candidate_id: str, version: int, **values: Any) -> None:
    """Move the candidate on from ``version``, or Conflict if another decision got there
    first (the check and the write are one statement)."""
    cand = schema.candidates
    c = cand.c
    done = conn.execute(
        cand.update()
        .where(c.id == candidate_id, c.version == version)
        .values(version=version + 1, updated_at=now_iso(), **values)
    )
    if done.rowcount != 1:
        now = conn.execute(select(c.version).where(c.id == candidate_id)).scalar()
        raise Conflict(
            f"candidate {candidate_id} changed meanwhile: it is at version {now}, not "
            f"{version}: reload it and decide again"
        )


# -- accept and reject ----------------------------------------------------------------


def accept(
    conn: Connection,
    candidate_id: str,
    *,
    who: str,
    why: str | None,
    version: int | None,
    auto: float | None = None,
) -> Decision:
    """Accept a pending (or rejected) candidate into the record; ``auto`` is the
    threshold when ingest accepted it on its own."""
    row = current(conn, candidate_id, version)
    if row.state == "accepted":
        raise InputError(
            f"candidate {candidate_id} is already accepted (trip {row.trip_id}): "
            "edit or delete that trip instead"
        )
    if row.leader_id is None:
        raise InputError(
            f"candidate {candidate_id}: {row.visitor_name!r} is not a known leader; "
            "edit visitor_name to one first"
        )
    sentences = evidence_of(conn, [candidate_id]).get(candidate_id, [])
    trip = _new_trip(row, sentences)  # checked before anything is written
    _bump(conn, candidate_id, row.version)
    decision = _into_record(conn, row, trip, sentences, who=who, why=_trip_why(candidate_id, why))
    cand = schema.candidates
    c = cand.c
    conn.execute(
        cand.update().where(c.id == candidate_id).values(state="accepted", trip_id=decision.trip_id)
    )
    data: dict[str, object] = {
        "trip": decision.trip_id,
        "linked": decision.linked,
        "status_moved": decision.status_moved,
        "evidence": len(sentences),
        "version": row.version + 1,
    }
    if auto is not None:
        data |= {"auto": True, "threshold": auto, "confidence": row.confidence}
    log_change(
        conn,
        who=who,
        action="accept",
        entity="candidate",
        entity_id=candidate_id,
        data=data,
        why=why,
    )
    return decision


def reject(
    conn: Connection, candidate_id: str, *, who: str, why: str | None, version: int | None
) -> None:
    """Reject a pending candidate: it stays in the queue, marked, and never counts."""
    row = current(conn, candidate_id, version)
    if row.state != "pending":
        raise InputError(
            f"candidate {candidate_id} is {row.state}, not pending"
            + (f": edit or delete trip {row.trip_id} instead" if row.state == "accepted" else "")
        )
    _bump(conn, candidate_id, row.version, state="rejected")
    data: dict[str, object] = {"version": row.version + 1}
    log_change(
        conn,
        who=who,
        action="reject",
        entity="candidate",
        entity_id=candidate_id,
        data=data,
        why=why,
    )


def _trip_why(candidate_id: str, why: str | None) -> str:
    said = f"accepted from the review queue (candidate {candidate_id})"
    return f"{said}: {why}" if why else said


def _into_record(
    conn: Connection, row: Any, trip: Trip, sentences: Sequence[Sentence], *, who: str, why: str
) -> Decision:
    queue.relink(conn, row.id)
    found = conn.execute(
        select(schema.candidates.c.trip_id).where(schema.candidates.c.id == row.id)
    ).scalar()
    if found is not None:
        return _link(conn, str(found), row, sentences, who=who, why=why)
    exists = conn.execute(select(schema.trips.c.id).where(schema.trips.c.id == trip.id)).first()
    if exists is not None:  # entered by hand, or accepted before, with the same dates
        return _link(conn, trip.id, row, sentences, who=who, why=why)
    edits.create(conn, trip, who=who, why=why)
    return Decision(trip.id, linked=False)


def _new_trip(row: Any, sentences: Sequence[Sentence]) -> Trip:
    first = sentences[0] if sentences else None
    source = edits.NewSource(SOURCE, first.url if first else None, first.text if first else None)
    stop = edits.NewStop(
        country=row.host_country,
        start_date=row.start_date,
        end_date=row.end_date,
        cities=tuple(json.loads(row.cities)),
        kind=row.kind,
        occasion=row.occasion,
    )
    trip = edits.new_trip(
        row.leader_id, [stop], status=row.status, notes=f"review queue {row.id}", source=source
    )
    trip.origin = SOURCE
    trip.stops[0].evidence[:] = [evidence(row.id, s) for s in sentences] or trip.stops[0].evidence
    return trip


def evidence(candidate_id: str, sentence: Sentence) -> Evidence:
    """A sentence of an article as evidence of a record trip."""
    where = f"characters {sentence.start}-{sentence.end}"
    if sentence.published:
        where += f"; published {sentence.published}"
    return Evidence(
        source=SOURCE,
        record_id=stable_id(
            "m", candidate_id, sentence.url or "", str(sentence.start), sentence.text[:200]
        ),
        url=sentence.url,
        locator=where,
        excerpt=sentence.text,
        rule=sentence.rule,
    )


def _link(
    conn: Connection, trip_id: str, row: Any, sentences: Sequence[Sentence], *, who: str, why: str
) -> Decision:
    """Add the candidate's sentences to a record trip, logged on the trip."""
    trip = conn.execute(select(schema.trips).where(schema.trips.c.id == trip_id)).one()
    stop_id = _stop_in(conn, trip_id, row.host_country)
    added = _add_evidence(conn, trip_id, stop_id, [evidence(row.id, s) for s in sentences])
    moved = trip.status == Status.PLANNED.value and row.status != Status.PLANNED.value
    values: dict[str, Any] = {"status": row.status} if moved else {}
    _bump_trip(conn, trip_id, trip.version, **values)
    data: dict[str, object] = {
        "candidate": row.id,
        "evidence_added": added,
        "version": trip.version + 1,
    }
    if moved:
        data |= {"before": {"status": trip.status}, "after": {"status": row.status}}
    log_change(conn, who=who, action="news", entity="trip", entity_id=trip_id, data=data, why=why)
    return Decision(trip_id, linked=True, status_moved=moved)


def _bump_trip(conn: Connection, trip_id: str, version: int, **values: Any) -> None:
    """Move a record trip's version on (its ETag changes with its evidence)."""
    t = schema.trips
    done = conn.execute(
        t.update()
        .where(t.c.id == trip_id, t.c.version == version)
        .values(version=version + 1, updated_at=now_iso(), **values)
    )
    if done.rowcount != 1:
        raise Conflict(f"trip {trip_id} changed meanwhile: accept the candidate again")


def _stop_in(conn: Connection, trip_id: str, country: str) -> str:
    s = schema.stops
    rows = list(conn.execute(select(s.c.id, s.c.country).where(s.c.trip_id == trip_id)))
    chosen = next((r for r in rows if r.country == country), None) or rows[0]
    return str(chosen.id)


def _add_evidence(conn: Connection, trip_id: str, stop_id: str, found: Sequence[Evidence]) -> int:
    from diplotrack.store.trips import evidence_id, evidence_row

    e = schema.evidence
    have = set(conn.scalars(select(e.c.id).where(e.c.trip_id == trip_id)))
    stamp = now_iso()
    rows = {
        evidence_id(ev): evidence_row(trip_id, stop_id, ev, stamp)
        for ev in found
        if evidence_id(ev) not in have
    }
    if rows:
        conn.execute(e.insert(), list(rows.values()))
    return len(rows)


# -- edit ------------------------------------------------------------------------------


def visitor_id(record: Record, name: str) -> str:
    """The leader an edit names: any name, alias or id, or a name as an article writes it
    ("Russian President Vladimir Putin"); NotFound or Ambiguous otherwise."""
    try:
        return record.leader(name).id
    except NotFound:
        found = record.resolve_person(name)
        if found.leader_id is None or found.confidence < MIN_VISITOR:
            raise
        return found.leader_id


def edit(
    conn: Connection,
    candidate_id: str,
    changes: Mapping[str, Value],
    *,
    who: str,
    why: str | None,
    version: int | None,
    resolve: Resolve,
) -> None:
    """Change a pending or rejected candidate's fields; an edited field's conflict is
    settled (dropped from ``conflicts``). ``visitor_name`` (or ``visitor``) must name a
    known leader; the office is read again from the tenures."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown or not changes:
        raise InputError(
            f"cannot edit {', '.join(unknown) or 'nothing'}: give field=value with field one "
            f"of {', '.join(EDITABLE)}"
        )
    row = current(conn, candidate_id, version)
    if row.state == "accepted":
        raise InputError(f"candidate {candidate_id} is accepted: edit trip {row.trip_id} instead")
    values: dict[str, Any] = {}
    for key, value in changes.items():
        values.update(_value(key, value, resolve))
    _check_dates(values.get("start_date", row.start_date), values.get("end_date", row.end_date))
    if "leader_id" in values or "start_date" in values:
        office = _office(conn, values.get("leader_id", row.leader_id), values, row)
        if office != row.office:
            values["office"] = office
    conflicts = {
        k: v for k, v in json.loads(row.conflicts).items() if k not in values and k not in changes
    }
    values["conflicts"] = json.dumps(conflicts, ensure_ascii=False, sort_keys=True)
    before = {key: _shown(getattr(row, key)) for key in values if key != "conflicts"}
    _bump(conn, candidate_id, row.version, **values)
    queue.relink(conn, candidate_id)
    after = {key: _shown(values[key]) for key in before}
    data: dict[str, object] = {"before": before, "after": after, "version": row.version + 1}
    log_change(
        conn, who=who, action="edit", entity="candidate", entity_id=candidate_id, data=data, why=why
    )


def _shown(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _value(key: str, value: Value, resolve: Resolve) -> dict[str, Any]:
    text = _text(key, value)
    if key in ("visitor", "visitor_name"):
        if not text:
            raise InputError(f"{key}: give a leader's name")
        return {"leader_id": resolve(text), "visitor_name": text}
    if key == "host_country":
        return {"host_country": _country(text)}
    if key == "cities":
        cities = list(value) if isinstance(value, list | tuple) else list(split_list(text))
        return {"cities": json.dumps([str(c).strip() for c in cities if str(c).strip()])}
    if key in ("start_date", "end_date"):
        return {key: _date(key, text)}
    if key == "status":
        return {"status": _choice(key, text, [s.value for s in Status])}
    if key == "kind":
        return {"kind": _choice(key, text, [k.value for k in StopKind])}
    if key == "ordinal":
        return {"ordinal": _ordinal(text)}
    return {key: text or None}


def _text(key: str, value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(value).strip()


def _country(text: str) -> str:
    found = gazetteer().country(text) if text else None
    if found is None:
        raise InputError(f"host_country: unknown country {text!r}")
    return found.iso3


def _date(key: str, text: str) -> str | None:
    if not text:
        return None
    try:
        return parse_partial(text)
    except DateError as exc:
        raise InputError(f"{key}: {exc}") from exc


def _check_dates(start: str | None, end: str | None) -> None:
    try:
        if start is not None:
            check_order(start, end)
        elif end is not None:
            raise DateError("an end date needs a start date")
    except DateError as exc:
        raise InputError(f"dates: {exc}") from exc


def _choice(key: str, text: str, choices: list[str]) -> str:
    if text not in choices:
        raise InputError(f"{key}: {text!r} is not one of {', '.join(choices)}")
    return text


def _ordinal(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise InputError(f"ordinal: {text!r} is not a whole number from 1")
    return int(text)


def _office(
    conn: Connection, leader_id: str | None, values: Mapping[str, Any], row: Any
) -> str | None:
    """The office the visitor held on the (edited) start date; without a start date, the
    one read from the article (on its publication date)."""
    start = values.get("start_date", row.start_date)
    if leader_id is None or start is None:
        return None if leader_id != row.leader_id else row.office
    tenures = tenures_of(conn, [leader_id]).get(leader_id, [])
    return office_on(tenures, start).title
