"""Verdicts: how a figure compares with the record, under which convention.

``supported`` — the record gives the figure; ``close`` — off by one or two, or exact under
another convention (named); ``contradicted``; ``unverifiable`` — the record's coverage of the
leader and period is not declared complete and it holds fewer visits than claimed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplotrack.analysis.visits import InWindow, Visit
from diplotrack.analysis.visits import Window as DateWindow
from diplotrack.claims.finder import Figure, Window
from diplotrack.claims.mentions import Mention
from diplotrack.model import Leader, Status, StopKind
from diplotrack.people.offices import office_on
from diplotrack.places import gazetteer, normalize_name

if TYPE_CHECKING:
    from diplotrack.record import Record

CURRENT_BEFORE = dt.timedelta(days=10)
CURRENT_AFTER = dt.timedelta(days=60)
DOZENS = 24


@dataclass(frozen=True, slots=True)
class Question:
    figure: Figure
    leader_id: str
    place: Mention | None
    window: Window | None
    published: dt.date


@dataclass(slots=True)
class Answer:
    leader: Leader | None
    since: str | None
    until: str | None
    found: int | None
    verdict: str
    convention: str
    explanation: str
    visits: list[Visit] = field(default_factory=list)


def judge(record: Record, question: Question) -> Answer:
    leader = record.leader(question.leader_id)
    since, until = _bounds(record, question, leader)
    place = question.place.place if question.place else None
    country = place.country if place else None
    city = place.city if place and place.kind == "city" else None
    visits = [v for v in record.leader_visits(leader.id) if _in(v, since, until)]
    complete = record.covered(leader.id, since, until)
    kind = question.figure.kind
    if kind == "superlative":
        return _superlative(leader, visits, country, since, until, complete)
    if place is not None and place.kind == "group":
        why = (
            f"The text counts visits to a group or region ({place.mention}); check does "
            "not count regions yet: use `diplotrack top --to` for them."
        )
        return Answer(leader, since, until, None, "unverifiable", "visits", why)
    if country is None:
        why = "The text names no country or city for this figure."
        return Answer(leader, since, until, None, "unverifiable", "visits", why)
    scope = _Scope(record, leader, country, city, since, until, complete)
    if kind == "ordinal":
        return _ordinal(scope, visits, question)
    return _count(scope, visits, question)


@dataclass(frozen=True, slots=True)
class _Scope:
    """Whose visits to where, over which window, and whether the record is complete there."""

    record: Record
    leader: Leader
    country: str
    city: str | None
    since: str | None
    until: str
    complete: bool

    @property
    def where(self) -> str:
        return f"{self.city}, {self.country}" if self.city else self.country

    def visits(self, *, include_transit: bool = False) -> list[Visit]:
        return self.record.leader_visits(self.leader.id, include_transit=include_transit)

    def here(self, visit: Visit) -> bool:
        return _at(visit, self.country, self.city)

    def inside(self, visit: Visit) -> bool:
        return _in(visit, self.since, self.until)

    def answer(
        self,
        found: int | None,
        verdict: str,
        convention: str,
        explanation: str,
        visits: list[Visit],
    ) -> Answer:
        return Answer(
            self.leader, self.since, self.until, found, verdict, convention, explanation, visits
        )


def _bounds(record: Record, question: Question, leader: Leader) -> tuple[str | None, str]:
    published = question.published.isoformat()
    window = question.window
    if window is None:
        return None, published
    since = window.since
    if window.source == "year" and question.figure.kind == "ordinal" and since:
        since = f"{int(since[:4]) + 1}-01-01"  # "the first visit since 2019": after 2019
    if window.source == "office":
        held = office_on(record.tenures(leader.id), published)
        tenure = next(
            (
                t
                for t in record.tenures(leader.id)
                if t.title == held.title and t.start_date <= published < (t.end_date or "9999")
            ),
            None,
        )
        since = tenure.start_date if tenure else None
    until = min(window.until, published) if window.until else published
    return since, until


def _in(visit: Visit, since: str | None, until: str) -> bool:
    window = DateWindow(
        dt.date.fromisoformat(since) if since else None, dt.date.fromisoformat(until)
    )
    return visit.trip.status is Status.PLANNED or window.place(visit.trip.start_date) is (
        InWindow.IN
    )


def _at(visit: Visit, country: str, city: str | None) -> bool:
    if visit.country != country:
        return False
    if city is None:
        return True
    want = normalize_name(city)
    for stop in visit.stops:
        for name in stop.cities:
            found = gazetteer().cities(name, country)
            names = {normalize_name(name)} | {normalize_name(c.name) for c in found[:1]}
            if want in names:
                return True
    return False


def _occurred(visits: list[Visit]) -> list[Visit]:
    return [v for v in visits if v.trip.status is Status.OCCURRED]


def _count(scope: _Scope, visits: list[Visit], question: Question) -> Answer:
    figure = question.figure
    office = figure.office
    here = [v for v in _occurred(visits) if scope.here(v)]
    counted = [v for v in here if office is None or v.office.title == office]
    found = len(counted)
    others = _conventions(scope, here, counted, office)
    verdict, convention = _verdict(figure.number, figure.bound, found, others, scope.complete)
    what = f" as {office}" if office else ""
    span = f"from {scope.since} to {scope.until}" if scope.since else f"up to {scope.until}"
    explanation = (
        f"The record has {found} visit(s) by {scope.leader.name} to {scope.where}{what} "
        f"{span}; the text says {_said(figure)}"
        + (f" ({convention})." if verdict == "close" else ".")
    )
    return scope.answer(found, verdict, convention, explanation, counted)


def _conventions(
    scope: _Scope, here: list[Visit], counted: list[Visit], office: str | None
) -> dict[str, int]:
    """The same count under other conventions, to tell a near miss from an error."""
    others = {
        "counting stops instead of visits": sum(len(v.stops) for v in counted),
        "summits left out": sum(
            1 for v in counted if any(s.kind is not StopKind.SUMMIT for s in v.stops)
        ),
    }
    transit = [
        v
        for v in _occurred(scope.visits(include_transit=True))
        if scope.inside(v) and scope.here(v) and (office is None or v.office.title == office)
    ]
    others["transit stops included"] = len(transit)
    if office is not None:
        others["counting every office, not only " + office] = len(here)
    if scope.city is not None:
        others["counting visits to the whole country"] = len(
            [v for v in _occurred(scope.visits()) if scope.inside(v) and v.country == scope.country]
        )
    return others


def _verdict(
    claimed: int | None, bound: str, found: int, others: dict[str, int], complete: bool
) -> tuple[str, str]:
    base = "visits" if complete else "visits (coverage not declared complete: at least)"
    if bound == "dozens" or claimed is None:
        return ("supported", base) if found >= DOZENS else _short(complete, base)
    holds: dict[str, Callable[[int], bool]] = {
        "exact": lambda n: n == claimed,
        "more": lambda n: n > claimed,
        "at_least": lambda n: n >= claimed,
        "less": lambda n: n < claimed,
        "about": lambda n: abs(n - claimed) <= max(1, claimed // 10),
    }
    test = holds.get(bound, holds["exact"])
    if test(found):
        return "supported", base
    if not complete and found < claimed:
        return "unverifiable", base
    for name, value in others.items():
        if test(value):
            return "close", name
    if found > 0 and abs(found - claimed) <= 2:
        return "close", f"off by {abs(found - claimed)}"
    return "contradicted", base


def _short(complete: bool, base: str) -> tuple[str, str]:
    return ("contradicted", base) if complete else ("unverifiable", base)


def _said(figure: Figure) -> str:
    if figure.number is None:
        return "dozens"
    prefix = {
        "more": "more than ",
        "at_least": "at least ",
        "about": "about ",
        "less": "fewer than ",
    }.get(figure.bound, "")
    return prefix + str(figure.number)


def _ordinal(scope: _Scope, visits: list[Visit], question: Question) -> Answer:
    claimed = question.figure.number or 0
    published = question.published
    if scope.until < (published - CURRENT_BEFORE).isoformat():
        return _past_ordinal(scope, claimed)
    here = sorted(
        (v for v in visits if scope.here(v) and v.trip.status is not Status.CANCELLED),
        key=lambda v: v.sort_key,
    )
    current = _current(here, published)
    before = [
        v
        for v in here
        if v.trip.status is Status.OCCURRED
        and (current is None or v.sort_key < current.sort_key)
        and (current is not None or _starts_by(v, published))
    ]
    number = len(before) + 1
    counted = before + ([current] if current else [])
    verdict, convention = _verdict(claimed, "exact", number, {}, scope.complete)
    if verdict == "unverifiable" and number > claimed:
        verdict = "contradicted"
    which = (
        "the visit under way or planned"
        if current is not None
        else f"a visit after {published.isoformat()}"
    )
    since = f" since {scope.since}" if scope.since else ""
    explanation = (
        f"By the record, {which} is {scope.leader.name}'s visit number {number} to "
        f"{scope.city or scope.country}{since}; the text says {claimed}."
    )
    return scope.answer(number, verdict, convention, explanation, counted)


def _past_ordinal(scope: _Scope, claimed: int) -> Answer:
    """An ordinal about a dated past visit ("his first visit to Kazakhstan in 1999"): the
    number, among all the leader's visits there, of the first visit in that period."""
    occurred = sorted(
        (v for v in _occurred(scope.visits()) if scope.here(v)), key=lambda v: v.sort_key
    )
    inside = [v for v in occurred if scope.inside(v)]
    place = scope.city or scope.country
    if not inside:
        verdict = "contradicted" if scope.complete else "unverifiable"
        return scope.answer(
            None,
            verdict,
            "visits",
            f"The record has no visit by "
            f"{scope.leader.name} to {place} from {scope.since} to "
            f"{scope.until}.",
            [],
        )
    number = occurred.index(inside[0]) + 1
    verdict, convention = _verdict(claimed, "exact", number, {}, scope.complete)
    explanation = (
        f"By the record, {scope.leader.name}'s first visit to {place} from {scope.since} to "
        f"{scope.until} was number {number}; the text says {claimed}."
    )
    return scope.answer(number, verdict, convention, explanation, occurred[:number])


def _current(visits: list[Visit], published: dt.date) -> Visit | None:
    """The visit the text reports as happening: one starting near the publication date."""
    near = []
    for visit in visits:
        start = visit.trip.start_date
        if start and len(start) == 10:
            day = dt.date.fromisoformat(start)
            if published - CURRENT_BEFORE <= day <= published + CURRENT_AFTER:
                near.append((abs((day - published).days), visit))
    return min(near, key=lambda item: item[0])[1] if near else None


def _starts_by(visit: Visit, published: dt.date) -> bool:
    start = visit.trip.start_date
    return bool(start) and (start or "") <= published.isoformat()


def _superlative(
    leader: Leader,
    visits: list[Visit],
    country: str | None,
    since: str | None,
    until: str,
    complete: bool,
) -> Answer:
    tally: dict[str, list[Visit]] = {}
    for visit in _occurred(visits):
        tally.setdefault(visit.country, []).append(visit)
    if not tally or country is None:
        return Answer(
            leader,
            since,
            until,
            None,
            "unverifiable",
            "visits",
            "The record has no visits to rank for this leader and period.",
        )
    most = max(len(v) for v in tally.values())
    tops = sorted(c for c, v in tally.items() if len(v) == most)
    found = len(tally.get(country, []))
    verdict = "supported" if found == most else ("contradicted" if complete else "unverifiable")
    explanation = (
        f"In the record {leader.name}'s most visited country is "
        f"{' and '.join(tops)} ({most} visits); {country} has {found}."
    )
    return Answer(
        leader, since, until, found, verdict, "visits", explanation, tally.get(country, [])
    )
