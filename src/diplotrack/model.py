"""The declared model: Leader, Tenure, Trip, Stop, Evidence and the change log.

These plain dataclasses are what the library takes and returns; the store's schema
(``store/schema.py``) and the JSON the command line prints are derived from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from diplotrack.dates import lower, upper


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class StopKind(StrEnum):
    STATE = "state"
    OFFICIAL = "official"
    WORKING = "working"
    SUMMIT = "summit"
    PRIVATE = "private"
    TRANSIT = "transit"
    UNKNOWN = "unknown"


class OfficeKind(StrEnum):
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    BOTH = "both"
    MINISTER = "minister"
    OTHER = "other"

    @property
    def is_leader(self) -> bool:
        """Heads of state or government: the people leader counts are about."""
        return self in (OfficeKind.HEAD_OF_STATE, OfficeKind.HEAD_OF_GOVERNMENT, OfficeKind.BOTH)


@dataclass(frozen=True, slots=True)
class Leader:
    id: str
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    external_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tenure:
    leader_id: str
    country: str
    office_kind: OfficeKind
    title: str
    start_date: str
    end_date: str | None = None
    acting: bool = False
    source: str = ""

    @property
    def key(self) -> str:
        return f"{self.leader_id}|{self.country}|{self.title}|{self.start_date}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why we believe a stop happened: a dataset record or a span of an article."""

    source: str
    record_id: str
    url: str | None = None
    locator: str | None = None
    excerpt: str | None = None
    rule: str | None = None
    seen_at: str | None = None


@dataclass(slots=True)
class Stop:
    country: str
    start_date: str | None = None
    end_date: str | None = None
    cities: tuple[str, ...] = ()
    kind: StopKind = StopKind.UNKNOWN
    occasion: str | None = None
    stated_title: str | None = None
    notes: str | None = None
    flags: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    id: str = ""


@dataclass(slots=True)
class Trip:
    id: str
    leader_id: str
    stops: list[Stop]
    status: Status = Status.OCCURRED
    notes: str | None = None
    origin: str = ""
    version: int = 1
    deleted: bool = False

    @property
    def start_date(self) -> str | None:
        starts = [s.start_date for s in self.stops if s.start_date]
        return min(starts, key=lower) if starts else None

    @property
    def end_date(self) -> str | None:
        ends = [s.end_date or s.start_date for s in self.stops if s.end_date or s.start_date]
        return max((e for e in ends if e), key=upper) if ends else None

    @property
    def evidence(self) -> list[Evidence]:
        return [ev for stop in self.stops for ev in stop.evidence]


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the append-only change log."""

    id: int
    at: dt.datetime
    who: str
    action: str
    entity: str
    entity_id: str
    data: dict[str, object]
    why: str | None

    def to_dict(self) -> dict[str, object]:
        """As the history commands and routes give it."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "who": self.who,
            "action": self.action,
            "data": self.data,
            "why": self.why,
        }
