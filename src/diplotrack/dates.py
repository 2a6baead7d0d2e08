"""Partial ISO 8601 dates: ``2024``, ``2024-11`` and ``2024-11-05``.

A partial date stands for every day it could be. ``bounds`` gives the first and the last
of those days, which is what windows and office look-ups reason with.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from diplotrack.errors import DiplotrackError

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(DiplotrackError, ValueError):
    """A value that is not a (partial) ISO 8601 date, or not a possible one."""


def parse_partial(text: str) -> str:
    """Return ``text`` as a canonical partial date, or raise :class:`DateError`."""
    value = text.strip()
    match = _PARTIAL.match(value)
    if match is None:
        raise DateError(f"{text!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise DateError(f"{text!r} is not a real date") from exc
    return value


def precision(value: str) -> str:
    """``year``, ``month`` or ``day``."""
    return {4: "year", 7: "month", 10: "day"}[len(value)]


@cache
def bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day that a partial date may stand for."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def lower(value: str) -> str:
    """The first day a partial date may stand for, as ISO text."""
    return bounds(value)[0].isoformat()


def upper(value: str) -> str:
    """The last day a partial date may stand for, as ISO text."""
    return bounds(value)[1].isoformat()


def check_order(start: str, end: str | None) -> None:
    """Raise :class:`DateError` when ``end`` is certainly before ``start``."""
    if end is not None and upper(end) < lower(start):
        raise DateError(f"end date {end} is before start date {start}")


def parse_day(text: str) -> dt.date:
    """A full ISO date given on the command line or in settings."""
    value = parse_partial(text)
    if len(value) != 10:
        raise DateError(f"{text!r}: a full date YYYY-MM-DD is needed here")
    return dt.date.fromisoformat(value)


def excel_serial(number: float) -> str:
    """The ISO date of an Excel serial day number (1900 date system)."""
    return (dt.date(1899, 12, 30) + dt.timedelta(days=int(number))).isoformat()
