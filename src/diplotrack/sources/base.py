"""What every importer produces, and the registry that finds importers by name.

An importer reads files into an :class:`ImportBatch` without writing anything; the store
then applies the whole batch in one transaction (``diplotrack.store.imports``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from diplotrack.errors import Notice, Reject
from diplotrack.model import Trip
from diplotrack.people.registry import LeaderRecord
from diplotrack.settings import Settings
from diplotrack.store.leaders import LeaderIndex

ProgressFn = Callable[[str, int, int | None], None]
# (name, country, date) -> a known leader's id, for names the alias index does not hold.
PersonFallback = Callable[[str, str | None, str | None], str | None]


def no_progress(_label: str, _done: int, _total: int | None) -> None:
    """The progress callback for callers that show none."""


@dataclass(frozen=True, slots=True)
class CoverageDecl:
    """A source records this leader's trips completely between two dates."""

    leader_id: str
    start_date: str
    end_date: str
    source: str
    note: str = ""


@dataclass(slots=True)
class ImportBatch:
    source: str
    trips: list[Trip] = field(default_factory=list)
    leaders: list[LeaderRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    coverage: list[CoverageDecl] = field(default_factory=list)
    duplicates: int = 0
    records: int = 0


@dataclass(slots=True)
class ImportContext:
    """What an importer may consult: known leaders, settings and a progress callback."""

    leaders: LeaderIndex
    settings: Settings
    progress: ProgressFn = no_progress
    options: dict[str, object] = field(default_factory=dict)
    resolve: PersonFallback | None = None


class Importer(Protocol):
    name: str
    help: str

    def __call__(self, path: Path | None, context: ImportContext) -> ImportBatch: ...


def importers() -> dict[str, Importer]:
    """Built-in importers and those that packages register under ``diplotrack.importers``."""
    from diplotrack.sources import colt, history_state, table

    found: dict[str, Importer] = {
        imp.name: imp for imp in (history_state.IMPORTER, table.IMPORTER, colt.IMPORTER)
    }
    for ep in entry_points(group="diplotrack.importers"):
        plugin = ep.load()
        found[plugin.name] = plugin
    return found
