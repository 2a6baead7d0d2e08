"""Trips found in text, in the JSON the ``extract`` command prints, and how mentions of one
trip merge into one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diplotrack.dates import bounds, precision


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str  # the sentence
    start: int  # its offsets in the input
    end: int
    rule: str
    url: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
        }
        if self.url is not None or self.published is not None:
            found["url"], found["published"] = self.url, self.published
        return found


@dataclass(slots=True)
class ExtractedTrip:
    leader_id: str | None
    name: str | None
    written: str
    office: str | None
    host_country: str
    cities: list[str]
    start_date: str | None
    end_date: str | None
    status: str
    kind: str
    occasion: str | None
    ordinal: int | None
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    arrived: bool = False  # dated by its arrival ("landed on Monday"): the visit's first day

    def to_dict(self) -> dict[str, Any]:
        visitor = {"id": self.leader_id, "name": self.name} if self.leader_id else None
        return {
            "visitor": visitor,
            "visitor_name": self.written,
            "office": self.office,
            "host_country": self.host_country,
            "cities": self.cities,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "status": self.status,
            "kind": self.kind,
            "occasion": self.occasion,
            "ordinal": self.ordinal,
            "confidence": self.confidence,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @property
    def who(self) -> str:
        return self.leader_id or self.written.casefold()


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two partial dates agree when either is unknown or they agree at the coarser
    precision ("2024-11" and "2024-11-27" agree; "2024-11" and "2024-10-30" do not)."""
    if a is None or b is None:
        return True
    coarse = min(len(a), len(b))
    return a[:coarse] == b[:coarse]


def overlaps(a: str | None, b: str | None, slack_days: int = 0) -> bool:
    """Whether two partial dates could name days at most ``slack_days`` apart."""
    if a is None or b is None:
        return True
    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    return (lo_a - hi_b).days <= slack_days and (lo_b - hi_a).days <= slack_days


def finer(a: str | None, b: str | None) -> str | None:
    """The more precise of two agreeing dates."""
    if a is None or b is None:
        return a or b
    order = ("year", "month", "day")
    return a if order.index(precision(a)) >= order.index(precision(b)) else b


def same_trip(a: ExtractedTrip, b: ExtractedTrip, slack_days: int = 0) -> bool:
    """Mentions of one trip: one visitor, host and status, and dates that agree (or, with
    ``slack_days``, lie within that many days: the days of one visit)."""
    if a.who != b.who or a.host_country != b.host_country:
        return False
    if a.status != b.status:
        return slack_days > 0 and _under_way(a, b, slack_days)
    if dates_agree(a.start_date, b.start_date):
        return True
    return slack_days > 0 and _near(a, b, slack_days)


def _long_past(a: ExtractedTrip, b: ExtractedTrip, published: str | None) -> bool:
    if published is None or (a.start_date is None) == (b.start_date is None):
        return False
    dated = a.start_date or b.start_date or published
    return (bounds(published)[0] - bounds(dated)[1]).days > 90


def _under_way(a: ExtractedTrip, b: ExtractedTrip, slack_days: int) -> bool:
    """A visit under way and its programme ("arrived on Tuesday … will be received on
    Thursday") are one trip: an occurred and a planned mention days apart, or undated."""
    if {a.status, b.status} != {"occurred", "planned"}:
        return False
    if a.start_date is None or b.start_date is None:
        return True
    return _near(a, b, slack_days)


def _near(a: ExtractedTrip, b: ExtractedTrip, slack_days: int) -> bool:
    if a.start_date is None or b.start_date is None:
        return True
    if precision(a.start_date) != "day" or precision(b.start_date) != "day":
        return False
    return overlaps(a.start_date, b.end_date or b.start_date, slack_days) or overlaps(
        b.start_date, a.end_date or a.start_date, slack_days
    )


def absorb(into: ExtractedTrip, other: ExtractedTrip) -> None:
    """Fold ``other`` (a mention of the same trip) into ``into``: fill what is missing, keep
    disagreements as conflicts, keep every sentence."""
    if into.start_date and other.start_date and not dates_agree(into.start_date, other.start_date):
        into.start_date = min(into.start_date, other.start_date)  # the days of one visit
    else:
        into.start_date = finer(into.start_date, other.start_date)
    if other.status == "occurred" and (other.start_date is not None or into.start_date is None):
        into.status = "occurred"  # a trip under way (a dated report outweighs an undated one)
    if into.end_date != other.end_date and into.end_date and other.end_date:
        _conflict(into, "end_date", into.end_date, other.end_date)
    into.end_date = into.end_date or other.end_date
    into.cities = list(dict.fromkeys([*into.cities, *other.cities]))
    if into.kind == "unknown":
        into.kind = other.kind
    into.occasion = into.occasion or other.occasion
    into.ordinal = into.ordinal or other.ordinal
    into.office = into.office or other.office
    into.confidence = round(min(0.99, max(into.confidence, other.confidence) + 0.03), 2)
    seen = {(e.start, e.end, e.url) for e in into.evidence}
    into.evidence.extend(e for e in other.evidence if (e.start, e.end, e.url) not in seen)
    for key, values in other.conflicts.items():
        for value in values:
            _conflict(into, key, value)


def _conflict(trip: ExtractedTrip, key: str, *values: Any) -> None:
    known = trip.conflicts.setdefault(key, [])
    for value in values:
        if value not in known:
            known.append(value)


def merge_trips(
    trips: list[ExtractedTrip], slack_days: int = 3, published: str | None = None
) -> list[ExtractedTrip]:
    """One trip per visitor, host, status and agreeing dates (within ``slack_days`` of each
    other: one article's days of a visit), in order of first mention. Given the publication
    date, an undated mention does not join a visit long past ("arrived in Havana … his last
    visit was in February 2013")."""
    merged: list[ExtractedTrip] = []
    for trip in trips:
        match = next(
            (
                m
                for m in merged
                if same_trip(m, trip, slack_days) and not _long_past(m, trip, published)
            ),
            None,
        )
        if match is None:
            merged.append(trip)
        else:
            _by_arrival(match, trip)
            absorb(match, trip)
    return merged


def _by_arrival(into: ExtractedTrip, other: ExtractedTrip) -> None:
    """One article's mentions of one visit start on the day it tells of the arrival, not on
    an earlier day another of its sentences gives."""
    if into.arrived == other.arrived or not (into.start_date and other.start_date):
        return
    if into.arrived:
        other.start_date = into.start_date
    else:
        into.start_date, into.arrived = other.start_date, True
