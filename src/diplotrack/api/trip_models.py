"""The bodies the trip routes take, and the JSON of one trip."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from diplotrack.model import Status, StopKind
from diplotrack.store.edits import NewSource, NewStop

Text = Field(default=None, max_length=5000)


class SourceIn(BaseModel):
    """Where a fact comes from."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        min_length=1,
        max_length=200,
        description="The source: a dataset, a newspaper, an agency.",
        examples=["Kremlin press service"],
    )
    url: str | None = Field(default=None, max_length=2000, examples=["http://kremlin.ru/"])
    excerpt: str | None = Field(
        default=None, max_length=5000, description="The sentence that says so."
    )
    locator: str | None = Field(
        default=None, max_length=500, description="Where in the source (page, paragraph)."
    )

    def new(self) -> NewSource:
        return NewSource(self.name, self.url, self.excerpt, self.locator)


class StopIn(BaseModel):
    """One country on the trip."""

    model_config = ConfigDict(extra="forbid")

    country: str = Field(
        min_length=1, max_length=200, description="Any name or code.", examples=["Kazakhstan"]
    )
    cities: list[str] = Field(default_factory=list, max_length=50, examples=[["Astana"]])
    start_date: str | None = Field(
        default=None,
        max_length=10,
        description="YYYY, YYYY-MM or YYYY-MM-DD.",
        examples=["2024-11-27"],
    )
    end_date: str | None = Field(default=None, max_length=10, examples=["2024-11-28"])
    kind: StopKind = StopKind.UNKNOWN
    occasion: str | None = Field(default=None, max_length=500, examples=["CSTO summit"])
    notes: str | None = Text
    source: SourceIn | None = Field(default=None, description="This stop's own source.")

    def new(self) -> NewStop:
        return NewStop(
            country=self.country,
            start_date=self.start_date,
            end_date=self.end_date,
            cities=tuple(self.cities),
            kind=self.kind.value,
            occasion=self.occasion,
            notes=self.notes,
            source=self.source.new() if self.source else None,
        )


class TripIn(BaseModel):
    """A new trip: a leader, its stops, and a source for each stop (the trip's by default)."""

    model_config = ConfigDict(extra="forbid")

    leader: str = Field(
        min_length=1, max_length=200, description="Name, alias or id.", examples=["Putin"]
    )
    status: Status = Status.OCCURRED
    stops: list[StopIn] = Field(min_length=1, max_length=50)
    notes: str | None = Text
    source: SourceIn | None = Field(
        default=None, description="The source of every stop that names none of its own."
    )
    why: str | None = Field(default=None, max_length=2000, description="For the change log.")


class TripEdit(BaseModel):
    """Field changes, as `diplotrack trip edit` takes them."""

    model_config = ConfigDict(extra="forbid")

    changes: dict[str, str] = Field(
        min_length=1,
        max_length=100,
        description="field → value: `status`, `notes`, or `N.field` for stop N (from 1) "
        "with field one of country, cities (;-separated), start_date, end_date, kind, "
        "occasion, notes.",
        examples=[{"status": "occurred", "1.kind": "state", "1.cities": "Astana;Almaty"}],
    )
    why: str = Field(min_length=1, max_length=2000, description="For the change log.")


class Why(BaseModel):
    model_config = ConfigDict(extra="forbid")

    why: str = Field(min_length=1, max_length=2000, description="For the change log.")


class MergeIn(BaseModel):
    """The trip to fold into this one."""

    model_config = ConfigDict(extra="forbid")

    other: str = Field(min_length=1, max_length=200, description="The trip to merge in.")
    other_version: int | None = Field(
        default=None, ge=1, description="Refuse unless the other trip is at this version."
    )
    why: str = Field(min_length=1, max_length=2000, description="For the change log.")


class SourceOut(BaseModel):
    source: str = Field(examples=["history-state"])
    record_id: str
    url: str | None
    locator: str | None
    excerpt: str | None
    seen_at: str | None


class StopOut(BaseModel):
    stop: int = Field(description="The stop's number, from 1, as edits name it (`1.kind`).")
    country: str = Field(examples=["KAZ"])
    cities: list[str]
    start_date: str | None
    end_date: str | None
    kind: StopKind
    occasion: str | None
    notes: str | None
    flags: list[str]
    sources: list[SourceOut]


class TripOut(BaseModel):
    """A trip as `diplotrack trip show --format json` gives it; its version is the ETag's."""

    id: str
    leader_id: str = Field(examples=["vladimir-putin"])
    status: Status
    version: int
    deleted: bool
    notes: str | None
    start_date: str | None
    end_date: str | None
    stops: list[StopOut]
    visits: list[dict[str, Any]] = Field(
        description="The visits the trip counts for, as /api/trips lists them."
    )


class Change(BaseModel):
    id: int
    at: str = Field(description="When, ISO 8601 with the offset.")
    who: str = Field(description="A person, or the name of the API token used.")
    action: str = Field(examples=["create", "edit", "delete", "restore", "merge", "update"])
    data: dict[str, Any] = Field(description="What changed: before and after, the version.")
    why: str | None


class History(BaseModel):
    trip: str
    changes: list[Change]
