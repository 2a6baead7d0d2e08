"""Counting visits: destinations ranked, numbered visit lists, visitors, pairs.

Pure functions over trips and tenures; the conventions are in docs/counting.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from diplotrack.analysis.results import CountRow
from diplotrack.analysis.visits import InWindow, Unit, Visit, Window, number_visits, visits_of
from diplotrack.dates import bounds
from diplotrack.model import Status, Tenure, Trip


@dataclass(frozen=True, slots=True)
class Filters:
    window: Window = field(default_factory=Window)
    office: str | None = None
    unit: Unit = Unit.VISITS
    include_transit: bool = False
    leaders_only: bool = True


def all_visits(
    trips: Sequence[Trip],
    tenures: Mapping[str, Sequence[Tenure]],
    include_transit: bool = False,
    policy: str = "de-jure",
) -> list[Visit]:
    visits = [
        v
        for trip in trips
        for v in visits_of(
            trip, tenures.get(trip.leader_id, ()), include_transit=include_transit, policy=policy
        )
    ]
    number_by_leader(visits)
    return visits


def number_by_leader(visits: list[Visit]) -> None:
    by_leader: dict[str, list[Visit]] = {}
    for visit in visits:
        by_leader.setdefault(visit.trip.leader_id, []).append(visit)
    for group in by_leader.values():
        number_visits(group)


def counted(visits: Sequence[Visit], filters: Filters) -> tuple[list[Visit], list[Visit]]:
    """Occurred visits inside the window and office filter, and those whose partial date
    straddles a window bound (reported, not counted)."""
    inside: list[Visit] = []
    unsure: list[Visit] = []
    for visit in visits:
        if visit.trip.status is not Status.OCCURRED:
            continue
        if filters.office and (visit.office.title or "").casefold() != filters.office.casefold():
            continue
        place = filters.window.place(visit.trip.start_date)
        if place is InWindow.IN:
            inside.append(visit)
        elif place is InWindow.UNCERTAIN:
            unsure.append(visit)
    return inside, unsure


def tally(
    visits: Sequence[Visit], key: Callable[[Visit], str], name: Callable[[str], str], unit: Unit
) -> list[CountRow]:
    """Rows keyed by ``key``, ranked by amount, then name."""
    rows: dict[str, CountRow] = {}
    for visit in visits:
        k = key(visit)
        row = rows.get(k)
        if row is None:
            rows[k] = row = CountRow(k, name(k))
        row.add(visit, visit.amount(unit))
    return sorted(rows.values(), key=lambda r: (-r.amount, r.name))


def per_year(visits: Sequence[Visit]) -> dict[int, list[Visit]]:
    years: dict[int, list[Visit]] = {}
    for visit in visits:
        start = visit.trip.start_date
        if start:
            years.setdefault(bounds(start)[0].year, []).append(visit)
    return years
