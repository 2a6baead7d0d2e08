"""The leader page's content: counts by country and office, numbered visits, trips in order.

Everything here is built from the JSON that /api/top and /api/trips return (the same
``to_dict`` calls), so the page and the API never disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from diplotrack.analysis.results import leader_dict
from diplotrack.dates import parse_day
from diplotrack.places import gazetteer
from diplotrack.record import Record

Json = dict[str, Any]


def leader_context(
    rec: Record, text: str, since: str | None, until: str | None, at: str | None
) -> Json:
    """Everything the leader page shows, for the leader named by ``text``."""
    leader = rec.leader(text)
    top = rec.top(leader.id, since=since, until=until).to_dict(explain=True)
    visits = rec.trips(leader.id, since=since, until=until).to_dict()["trips"]
    offices = office_titles(top["rows"], [t["title"] for t in _tenures(rec, leader.id)])
    return {
        "leader": leader_dict(leader, rec.tenures(leader.id)),
        "since": since,
        "until": until,
        "at": at,
        "top": top,
        "offices": offices,
        "countries": by_country(top["rows"], visits),
        "journeys": journeys(visits),
        "compare": compare(rec, leader.id, since, until, at) if at else None,
        "chart_data": chart_data(top["rows"], visits),
    }


def _tenures(rec: Record, leader_id: str) -> list[Json]:
    return [{"title": t.title} for t in rec.tenures(leader_id)]


def office_titles(rows: list[Json], tenure_titles: list[str]) -> list[str]:
    """The titles to split by: the leader's tenures in order, then any other title counted."""
    seen = list(dict.fromkeys(tenure_titles))
    counted = {title for row in rows for title in row["by_office"]}
    return [t for t in seen if t in counted] + sorted(counted - set(seen))


def country_name(code: str) -> str:
    try:
        return gazetteer().country_by_code(code).name
    except (KeyError, LookupError):
        return code


def by_country(rows: list[Json], visits: list[Json]) -> list[Json]:
    """One entry per country: the count, and every visit (planned and cancelled too) in
    order, numbered as docs/counting.md §7 numbers them."""
    counted = {row["country"]: row for row in rows}
    grouped: dict[str, list[Json]] = {}
    for visit in visits:
        grouped.setdefault(visit["country"], []).append(visit)
    entries = [
        {
            "code": code,
            "name": counted[code]["name"] if code in counted else country_name(code),
            "visits": counted[code]["visits"] if code in counted else 0,
            "by_office": counted[code]["by_office"] if code in counted else {},
            "items": items,
        }
        for code, items in grouped.items()
    ]
    return sorted(entries, key=lambda e: (-e["visits"], e["name"]))


def journeys(visits: list[Json]) -> list[Json]:
    """Trips in date order, each with the countries it touched (the timeline)."""
    found: dict[str, Json] = {}
    for visit in visits:
        trip = found.setdefault(
            visit["trip_id"],
            {
                "trip_id": visit["trip_id"],
                "start_date": visit["start_date"],
                "end_date": visit["end_date"],
                "office": visit["office"],
                "status": visit["status"],
                "countries": [],
                "occasions": [],
            },
        )
        trip["countries"].append(country_name(visit["country"]))
        if visit["occasion"] and visit["occasion"] not in trip["occasions"]:
            trip["occasions"].append(visit["occasion"])
        if visit["end_date"] and (trip["end_date"] or "") < visit["end_date"]:
            trip["end_date"] = visit["end_date"]
    return sorted(found.values(), key=lambda t: (t["start_date"] or "", t["trip_id"]))


def chart_data(rows: list[Json], visits: list[Json]) -> Json:
    """The small JSON the page's scripts draw the map and the timeline from."""
    return {
        "rows": [
            {"country": r["country"], "name": r["name"], "visits": r["visits"], **_split(r)}
            for r in rows
        ],
        "trips": [
            {"year": int(j["start_date"][:4]), "office": j["office"], "status": j["status"]}
            for j in journeys(visits)
            if j["start_date"]
        ],
    }


def _split(row: Json) -> Json:
    return {"by_office": row["by_office"]}


def compare(rec: Record, leader_id: str, since: str | None, until: str | None, at: str) -> Json:
    """Visits per country before ``at`` and from ``at`` on (within since/until)."""
    day = parse_day(at)
    before_end = (day - dt.timedelta(days=1)).isoformat()
    if until is not None and until < before_end:
        before_end = until
    after_start = at if since is None or since < at else since
    before = rec.top(leader_id, since=since, until=before_end).to_dict()["rows"]
    after = rec.top(leader_id, since=after_start, until=until).to_dict()["rows"]
    counts: dict[str, Json] = {}
    for key, rows in (("before", before), ("after", after)):
        for row in rows:
            blank = {"code": row["country"], "name": row["name"], "before": 0, "after": 0}
            entry = counts.setdefault(row["country"], blank)
            entry[key] = row["visits"]
    ordered = sorted(counts.values(), key=lambda e: (-(e["before"] + e["after"]), e["name"]))
    return {
        "at": day.isoformat(),
        "rows": ordered,
        "before": sum(e["before"] for e in ordered),
        "after": sum(e["after"] for e in ordered),
    }
