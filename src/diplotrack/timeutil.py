"""The clock, in one place, so that every timestamp is UTC ISO 8601."""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
