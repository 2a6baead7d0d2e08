"""The office a leader held on a date, derived from tenures, never stored on a trip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from diplotrack.dates import bounds, lower
from diplotrack.model import OfficeKind, Tenure
from diplotrack.people.titles import kind_of_title

_RANK = {
    OfficeKind.BOTH: 0,
    OfficeKind.HEAD_OF_STATE: 1,
    OfficeKind.HEAD_OF_GOVERNMENT: 2,
    OfficeKind.MINISTER: 3,
    OfficeKind.OTHER: 4,
}
_OPEN_END = dt.date(9999, 12, 31)


@dataclass(frozen=True, slots=True)
class OfficeAt:
    """The office on a trip's start date.

    ``verified`` is False when the leader has no tenures and the title is the one the
    source stated; ``uncertain`` is True when a partial date spans more than one tenure.
    """

    title: str | None
    kind: OfficeKind | None
    country: str | None
    acting: bool = False
    uncertain: bool = False
    verified: bool = True

    @property
    def is_leader(self) -> bool:
        return self.kind is not None and self.kind.is_leader


NO_OFFICE = OfficeAt(None, None, None)


def office_on(
    tenures: Sequence[Tenure], start_date: str | None, stated_title: str | None = None
) -> OfficeAt:
    """The tenure held on ``start_date`` (a partial date), by the conventions in counting.md."""
    if not tenures:
        return _stated(stated_title)
    if start_date is None:
        return OfficeAt(None, None, None, uncertain=True)
    lo, hi = bounds(start_date)
    covering = [t for t in tenures if _span(t)[0] <= lo and hi < _span(t)[1]]
    if covering:
        return _office(min(covering, key=_rank), uncertain=False)
    overlapping = [(t, _overlap(t, lo, hi)) for t in tenures]
    best = [(t, days) for t, days in overlapping if days > 0]
    if not best:
        return NO_OFFICE
    top = max(days for _, days in best)
    chosen = min((t for t, days in best if days == top), key=_rank)
    return _office(chosen, uncertain=True)


def titles_during(tenures: Sequence[Tenure], start_date: str) -> set[str]:
    """Every title held at some point of a (partial) date: what a source may truly state."""
    lo, hi = bounds(start_date)
    return {t.title for t in tenures if _overlap(t, lo, hi) > 0}


def _stated(title: str | None) -> OfficeAt:
    if not title:
        return OfficeAt(None, None, None, verified=False)
    return OfficeAt(title, kind_of_title(title), None, verified=False)


def _office(tenure: Tenure, *, uncertain: bool) -> OfficeAt:
    return OfficeAt(
        tenure.title, tenure.office_kind, tenure.country, tenure.acting, uncertain, True
    )


def _span(tenure: Tenure) -> tuple[dt.date, dt.date]:
    """A tenure covers [start, end): its end date is its successor's first day."""
    start = bounds(tenure.start_date)[0]
    end = dt.date.fromisoformat(lower(tenure.end_date)) if tenure.end_date else _OPEN_END
    return start, end


def _overlap(tenure: Tenure, lo: dt.date, hi: dt.date) -> int:
    start, end = _span(tenure)
    return max(0, (min(end, hi + dt.timedelta(days=1)) - max(start, lo)).days)


def _rank(tenure: Tenure) -> tuple[int, bool]:
    return _RANK[tenure.office_kind], tenure.acting
