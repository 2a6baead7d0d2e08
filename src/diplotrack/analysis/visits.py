"""From trips to visits: which countries a trip visited, when, under which office.

A visit is a trip with at least one non-transit stop in a country (counting.md §1, §3).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from diplotrack.dates import bounds, lower
from diplotrack.model import Status, Stop, StopKind, Tenure, Trip
from diplotrack.people.offices import OfficeAt, office_on
from diplotrack.places.disputed import country_under, disputed_by_id, policy_note

DISPUTED_FLAG = "disputed:"


class Unit(StrEnum):
    VISITS = "visits"
    STOPS = "stops"
    DAYS = "days"


class InWindow(StrEnum):
    IN = "in"
    OUT = "out"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True, slots=True)
class Window:
    """Inclusive bounds on a trip's start date (counting.md §6)."""

    since: dt.date | None = None
    until: dt.date | None = None

    def place(self, start_date: str | None) -> InWindow:
        """Where a (partial) start date certainly lies; partial dates that straddle a bound
        are ``uncertain`` and not counted (counting.md §6)."""
        if self.since is None and self.until is None:
            return InWindow.IN
        if start_date is None:
            return InWindow.UNCERTAIN
        lo, hi = bounds(start_date)
        if (self.since and hi < self.since) or (self.until and lo > self.until):
            return InWindow.OUT
        if (self.since and lo < self.since) or (self.until and hi > self.until):
            return InWindow.UNCERTAIN
        return InWindow.IN


@dataclass(slots=True)
class Visit:
    """One trip's visit to one country."""

    trip: Trip
    country: str
    stops: list[Stop]
    office: OfficeAt
    n: int | None = None
    flags: list[str] = field(default_factory=list)
    key: tuple[str, str, str] | None = None

    @property
    def start_date(self) -> str | None:
        starts = [s.start_date for s in self.stops if s.start_date]
        return min(starts, key=lambda d: bounds(d)[0]) if starts else self.trip.start_date

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Chronological: the trip's start, the trip, then this visit's own start."""
        if self.key is None:
            trip_start, own = self.trip.start_date, self.start_date
            self.key = (
                bounds(trip_start)[0].isoformat() if trip_start else "9999",
                self.trip.id,
                bounds(own)[0].isoformat() if own else "9999",
            )
        return self.key

    @property
    def end_date(self) -> str | None:
        ends = [s.end_date or s.start_date for s in self.stops]
        return max((e for e in ends if e), default=None)

    def amount(self, unit: Unit) -> int:
        if unit is Unit.VISITS:
            return 1
        if unit is Unit.STOPS:
            return len(self.stops)
        return len(self.days())

    def days(self) -> set[dt.date]:
        covered: set[dt.date] = set()
        for stop in self.stops:
            if not stop.start_date or len(stop.start_date) != 10:
                continue
            first = bounds(stop.start_date)[0]
            last = bounds(stop.end_date)[1] if stop.end_date else first
            covered.update(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        return covered


def visits_of(
    trip: Trip,
    tenures: Sequence[Tenure],
    *,
    include_transit: bool = False,
    policy: str = "de-jure",
) -> list[Visit]:
    """The countries a trip visited, in the order first reached. A stop in a disputed
    territory counts for the country the policy names (counting.md §11)."""
    by_country: dict[str, list[Stop]] = {}
    notes: dict[str, list[str]] = {}
    for stop in trip.stops:
        if stop.kind is StopKind.TRANSIT and not include_transit:
            continue
        country, note = _policy_country(stop, policy)
        by_country.setdefault(country, []).append(stop)
        if note:
            notes.setdefault(country, []).append(note)
    stated = trip.stops[0].stated_title if trip.stops else None
    office = office_on(tenures, trip.start_date, stated)
    return [
        Visit(trip, country, stops, office, flags=notes.get(country, []))
        for country, stops in by_country.items()
    ]


def _policy_country(stop: Stop, policy: str) -> tuple[str, str | None]:
    """The stop's country under the disputed-places policy, and the note that says so."""
    for flag in stop.flags:
        if not flag.startswith(DISPUTED_FLAG):
            continue
        place = disputed_by_id(flag[len(DISPUTED_FLAG) :])
        on = stop.start_date
        if place is None or (place.since and on and lower(on) < place.since):
            continue
        return country_under(place, policy), "policy: " + policy_note(place, policy)
    return stop.country, None


def number_visits(visits: list[Visit]) -> None:
    """Ordinals per country by start date across offices (counting.md §7). Occurred visits
    are numbered in order; a planned one gets the number it would have if it happens;
    cancelled ones get none."""
    occurred: dict[str, list[tuple[str, str, str]]] = {}
    for visit in sorted(visits, key=_order):
        if visit.trip.status is Status.OCCURRED:
            keys = occurred.setdefault(visit.country, [])
            keys.append(visit.sort_key)
            visit.n = len(keys)
    for visit in visits:
        if visit.trip.status is Status.PLANNED:
            visit.n = bisect_left(occurred.get(visit.country, []), visit.sort_key) + 1


def _order(visit: Visit) -> tuple[str, str, str]:
    return visit.sort_key
