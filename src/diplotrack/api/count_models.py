"""The JSON of the counting routes, described for /docs: the same keys as the command
line's ``--format json`` (a contract; diplotrack.analysis.results makes it)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class SourceRef(BaseModel):
    source: str = Field(examples=["history-state"])
    record_id: str
    url: str | None
    locator: str | None


class VisitOut(BaseModel):
    """One visit: a trip's stops in one country, numbered among the leader's visits there."""

    n: int | None = Field(description="1 for the first visit to this country, and so on.")
    trip_id: str
    country: str = Field(examples=["KAZ"])
    start_date: str | None
    end_date: str | None
    office: str | None = Field(description="The title held on the trip's start date.")
    office_acting: bool
    office_uncertain: bool
    office_verified: bool
    cities: list[str]
    kind: str = Field(description="The stops' kind, or mixed.", examples=["state"])
    occasion: str | None
    status: str = Field(examples=["occurred"])
    sources: list[SourceRef]
    flags: list[str]


class LeaderRef(BaseModel):
    id: str = Field(examples=["vladimir-putin"])
    name: str = Field(examples=["Vladimir Putin"])


class TopRow(BaseModel):
    country: str = Field(examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])
    visits: int
    by_office: dict[str, int] = Field(examples=[{"President": 31, "Prime Minister": 3}])
    trips: list[VisitOut] | None = Field(default=None, description="With explain=true.")


class TopOut(BaseModel):
    leader: LeaderRef
    count: str = Field(description="visits, stops or days (then each row has that key too).")
    since: str | None
    until: str | None
    office: str | None
    to: str | None
    convention: str = Field(examples=["docs/counting.md"])
    policies: list[str] = Field(description="Disputed-places policies the counts touch.")
    rows: list[TopRow]
    uncertain: list[VisitOut] = Field(description="Visits a partial date leaves unplaced.")


class TripsOut(BaseModel):
    leader: LeaderRef
    convention: str
    policies: list[str]
    trips: list[VisitOut]


class VisitorRow(BaseModel):
    leader: LeaderRef
    leader_country: str | None
    visits: int
    by_office: dict[str, int]
    trips: list[VisitOut] | None = None


class VisitorsOut(BaseModel):
    country: str = Field(description="ISO3, or group:ID.", examples=["KAZ"])
    name: str
    since: str | None
    until: str | None
    convention: str
    rows: list[VisitorRow]
    uncertain: list[VisitOut]
    left_out: int = Field(description="Visits by ministers and others (all_roles to count).")


class PairRow(BaseModel):
    year: int
    a_to_b: int
    b_to_a: int
    trips: list[VisitOut] | None = None


class PairTotals(BaseModel):
    a_to_b: int
    b_to_a: int


class PairOut(BaseModel):
    a: str = Field(examples=["RUS"])
    b: str = Field(examples=["KAZ"])
    convention: str
    policies: list[str]
    rows: list[PairRow]
    totals: PairTotals
