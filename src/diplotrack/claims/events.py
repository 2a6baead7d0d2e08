"""Named events that open a window ("since the start of the war"): data/events.csv."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str
    aliases: tuple[str, ...]
    source: str


@cache
def events() -> tuple[Event, ...]:
    text = resources.files("diplotrack").joinpath("data/events.csv").read_text("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        Event(
            row["id"],
            row["date"],
            tuple(a.strip() for a in row["aliases"].split("|")),
            row["source"],
        )
        for row in csv.DictReader(io.StringIO(body))
    )


def find_event(text: str) -> tuple[Event, str] | None:
    """The event a phrase after "since" names, with the alias that matched (longest first)."""
    folded = text.casefold()
    best: tuple[Event, str] | None = None
    for event in events():
        for alias in event.aliases:
            if folded.startswith(alias) and (best is None or len(alias) > len(best[1])):
                best = (event, alias)
    return best
