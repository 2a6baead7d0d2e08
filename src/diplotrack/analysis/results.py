"""Result objects of the counting commands, and their JSON form (a documented contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from diplotrack.analysis.visits import Visit, visits_of
from diplotrack.model import Leader, Tenure, Trip

CONVENTION = "docs/counting.md"

if TYPE_CHECKING:
    import pandas as pd


class TableResult:
    """A result whose rows make a table: ``to_pandas()`` gives them as a DataFrame."""

    table_key = "rows"

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        raise NotImplementedError

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (needs the ``pandas`` extra)."""
        import pandas as pd

        return pd.DataFrame(self.to_dict()[self.table_key])


def policies(visits: list[Visit]) -> list[str]:
    """The disputed-places policy notes that touch these visits (counting.md §11)."""
    notes = {
        f.removeprefix("policy: ") for v in visits for f in v.flags if f.startswith("policy: ")
    }
    return sorted(notes)


def leader_dict(leader: Leader, tenures: list[Tenure]) -> dict[str, Any]:
    """A leader with names, ids and tenures, as `leader` and `/api/leaders` give it."""
    return {
        "id": leader.id,
        "name": leader.name,
        "country": leader.country,
        "aliases": list(leader.aliases),
        "external_ids": list(leader.external_ids),
        "tenures": [
            {
                "country": t.country,
                "office_kind": t.office_kind.value,
                "title": t.title,
                "start_date": t.start_date,
                "end_date": t.end_date,
                "acting": t.acting,
                "source": t.source,
            }
            for t in tenures
        ],
    }


def leader_ref(leader: Leader) -> dict[str, str]:
    return {"id": leader.id, "name": leader.name}


def visit_dict(visit: Visit) -> dict[str, Any]:
    """One visit as the ``trips`` command prints it, with the sources behind it."""
    office = visit.office
    sources = [
        {"source": ev.source, "record_id": ev.record_id, "url": ev.url, "locator": ev.locator}
        for stop in visit.stops
        for ev in stop.evidence
    ]
    cities = list(dict.fromkeys(c for stop in visit.stops for c in stop.cities))
    kinds = list(dict.fromkeys(stop.kind.value for stop in visit.stops))
    occasions = [stop.occasion for stop in visit.stops if stop.occasion]
    flags = sorted({f for stop in visit.stops for f in stop.flags} | set(visit.flags))
    return {
        "n": visit.n,
        "trip_id": visit.trip.id,
        "country": visit.country,
        "start_date": visit.start_date,
        "end_date": visit.end_date,
        "office": office.title,
        "office_acting": office.acting,
        "office_uncertain": office.uncertain,
        "office_verified": office.verified,
        "cities": cities,
        "kind": kinds[0] if len(kinds) == 1 else "mixed",
        "occasion": occasions[0] if occasions else None,
        "status": visit.trip.status.value,
        "sources": sources,
        "flags": flags,
    }


@dataclass(slots=True)
class CountRow:
    key: str
    name: str
    visits: int = 0
    amount: int = 0
    by_office: dict[str, int] = field(default_factory=dict)
    explain: list[Visit] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(self, visit: Visit, amount: int) -> None:
        self.visits += 1
        self.amount += amount
        title = visit.office.title or "(no office)"
        self.by_office[title] = self.by_office.get(title, 0) + amount
        self.explain.append(visit)


@dataclass(slots=True)
class TopResult(TableResult):
    leader: Leader
    unit: str
    since: str | None
    until: str | None
    office: str | None
    rows: list[CountRow]
    uncertain: list[Visit]
    to: str | None = None
    policies: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        rows = []
        for row in self.rows:
            item: dict[str, Any] = {"country": row.key, "name": row.name, "visits": row.visits}
            if self.unit != "visits":
                item[self.unit] = row.amount
            item["by_office"] = dict(sorted(row.by_office.items()))
            if explain:
                item["trips"] = [visit_dict(v) for v in row.explain]
            rows.append(item)
        return {
            "leader": leader_ref(self.leader),
            "count": self.unit,
            "since": self.since,
            "until": self.until,
            "office": self.office,
            "to": self.to,
            "convention": CONVENTION,
            "policies": self.policies,
            "rows": rows,
            "uncertain": [visit_dict(v) for v in self.uncertain],
        }


@dataclass(slots=True)
class TripsResult(TableResult):
    table_key = "trips"

    leader: Leader
    visits: list[Visit]
    policies: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        return {
            "policies": self.policies,
            "leader": leader_ref(self.leader),
            "convention": CONVENTION,
            "trips": [visit_dict(v) for v in self.visits],
        }


@dataclass(slots=True)
class VisitorsResult(TableResult):
    country: str
    name: str
    since: str | None
    until: str | None
    rows: list[CountRow]
    uncertain: list[Visit]
    left_out: int = 0
    policies: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        rows = []
        for row in self.rows:
            item: dict[str, Any] = {
                "leader": {"id": row.key, "name": row.name},
                "leader_country": row.extra.get("country"),
                "visits": row.visits,
                "by_office": dict(sorted(row.by_office.items())),
            }
            if explain:
                item["trips"] = [visit_dict(v) for v in row.explain]
            rows.append(item)
        return {
            "country": self.country,
            "name": self.name,
            "since": self.since,
            "until": self.until,
            "convention": CONVENTION,
            "rows": rows,
            "uncertain": [visit_dict(v) for v in self.uncertain],
            "left_out": self.left_out,
        }


@dataclass(slots=True)
class PairResult(TableResult):
    a: str
    b: str
    years: dict[int, tuple[list[Visit], list[Visit]]]
    policies: list[str] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        rows = []
        for year in sorted(self.years):
            ab, ba = self.years[year]
            item: dict[str, Any] = {"year": year, "a_to_b": len(ab), "b_to_a": len(ba)}
            if explain:
                item["trips"] = [visit_dict(v) | {"leader_id": v.trip.leader_id} for v in ab + ba]
            rows.append(item)
        totals = {
            "a_to_b": sum(r["a_to_b"] for r in rows),
            "b_to_a": sum(r["b_to_a"] for r in rows),
        }
        return {
            "a": self.a,
            "b": self.b,
            "convention": CONVENTION,
            "policies": self.policies,
            "rows": rows,
            "totals": totals,
        }


def trip_dict(trip: Trip, tenures: list[Tenure], policy: str) -> dict[str, Any]:
    """A trip as `diplotrack trip show --format json` and `GET /api/trips/ID` give it: numbered
    stops (as `trip edit N.field` counts them), their sources, and the visits it counts for."""
    stops = [
        {
            "stop": n,
            "country": stop.country,
            "cities": list(stop.cities),
            "start_date": stop.start_date,
            "end_date": stop.end_date,
            "kind": stop.kind.value,
            "occasion": stop.occasion,
            "notes": stop.notes,
            "flags": list(stop.flags),
            "sources": [
                {
                    "source": e.source,
                    "record_id": e.record_id,
                    "url": e.url,
                    "locator": e.locator,
                    "excerpt": e.excerpt,
                    "seen_at": e.seen_at,
                }
                for e in stop.evidence
            ],
        }
        for n, stop in enumerate(trip.stops, start=1)
    ]
    return {
        "id": trip.id,
        "leader_id": trip.leader_id,
        "status": trip.status.value,
        "version": trip.version,
        "deleted": trip.deleted,
        "notes": trip.notes,
        "start_date": trip.start_date,
        "end_date": trip.end_date,
        "stops": stops,
        "visits": [
            visit_dict(v) for v in visits_of(trip, tenures, include_transit=True, policy=policy)
        ],
    }
