"""The trip page's content: a trip, its stops with their evidence, and its change log."""

from __future__ import annotations

import json
from typing import Any

from diplotrack.model import Change, Evidence, Stop, Trip
from diplotrack.people.offices import office_on
from diplotrack.record import Record
from diplotrack.web.leader import country_name

Json = dict[str, Any]


def trip_context(rec: Record, trip_id: str) -> Json:
    """The trip named by ``trip_id`` (deleted ones too, marked) and its history."""
    trip = rec.trip(trip_id)
    leader = rec.leader(trip.leader_id)
    office = office_on(rec.tenures(leader.id), trip.start_date)
    return {
        "trip": trip_dict(trip),
        "leader": {"id": leader.id, "name": leader.name, "country": leader.country},
        "office": {"title": office.title, "acting": office.acting},
        "changes": [change_dict(c) for c in rec.history(trip.id)],
    }


def trip_dict(trip: Trip) -> Json:
    return {
        "id": trip.id,
        "status": trip.status.value,
        "start_date": trip.start_date,
        "end_date": trip.end_date,
        "notes": trip.notes,
        "origin": trip.origin,
        "version": trip.version,
        "deleted": trip.deleted,
        "stops": [stop_dict(n, s) for n, s in enumerate(trip.stops, start=1)],
    }


def stop_dict(number: int, stop: Stop) -> Json:
    return {
        "n": number,
        "country": stop.country,
        "country_name": country_name(stop.country),
        "start_date": stop.start_date,
        "end_date": stop.end_date,
        "cities": list(stop.cities),
        "kind": stop.kind.value,
        "occasion": stop.occasion,
        "stated_title": stop.stated_title,
        "notes": stop.notes,
        "flags": list(stop.flags),
        "evidence": [evidence_dict(e) for e in stop.evidence],
    }


def evidence_dict(ev: Evidence) -> Json:
    return {
        "source": ev.source,
        "record_id": ev.record_id,
        "url": ev.url,
        "locator": ev.locator,
        "excerpt": ev.excerpt,
        "rule": ev.rule,
        "seen_at": ev.seen_at,
    }


def change_dict(change: Change) -> Json:
    return {
        "at": change.at.isoformat(timespec="seconds"),
        "who": change.who,
        "action": change.action,
        "data": json.dumps(change.data, ensure_ascii=False, sort_keys=True),
        "why": change.why,
    }
