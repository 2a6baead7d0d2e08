"""The counting routes: the command line's answers as JSON (docs/counting.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from diplotrack.api.count_models import PairOut, TopOut, TripsOut, VisitorsOut
from diplotrack.api.params import Explain, Leader, Place, Rec, Since, Until
from diplotrack.model import Status, StopKind

router = APIRouter(prefix="/api", tags=["counts"])

To = Annotated[
    str | None,
    Query(
        title="To",
        description="Only this country, group:X or region:X (membership on each trip's date).",
    ),
]
Office = Annotated[
    str | None, Query(title="Office", description="Only trips made under this title.")
]


@router.get(
    "/top",
    summary="Destinations ranked, split by office",
    response_model=None,
    responses={200: {"model": TopOut}},
)
def top(
    rec: Rec,
    leader: Leader,
    since: Since = None,
    until: Until = None,
    to: To = None,
    office: Office = None,
    count: Annotated[
        str, Query(pattern="^(visits|stops|days)$", description="visits, stops or days.")
    ] = "visits",
    limit: Annotated[int | None, Query(ge=1, description="First N countries.")] = None,
    explain: Explain = False,
) -> dict[str, Any]:
    """As `diplotrack top LEADER --format json`."""
    return rec.top(
        leader, to=to, since=since, until=until, office=office, count=count, limit=limit
    ).to_dict(explain)


@router.get(
    "/trips",
    summary="Visits numbered per country, with sources",
    response_model=None,
    responses={200: {"model": TripsOut}},
)
def trips(
    rec: Rec,
    leader: Leader,
    to: To = None,
    since: Since = None,
    until: Until = None,
    status: Annotated[Status | None, Query(description="occurred, planned or cancelled.")] = None,
    office: Office = None,
    kind: Annotated[
        StopKind | None, Query(description="Only visits with a stop of this kind.")
    ] = None,
) -> dict[str, Any]:
    """As `diplotrack trips LEADER --format json`; the numbers (`n`) stay those of all the
    leader's visits to each country whatever the filters."""
    return rec.trips(
        leader,
        to=to,
        since=since,
        until=until,
        status=status.value if status else None,
        office=office,
        kind=kind.value if kind else None,
    ).to_dict()


@router.get(
    "/visitors",
    summary="Which leaders came to a country, how often",
    response_model=None,
    responses={200: {"model": VisitorsOut}},
)
def visitors(
    rec: Rec,
    country: Place,
    since: Since = None,
    until: Until = None,
    all_roles: Annotated[bool, Query(description="Include ministers and others.")] = False,
    from_group: Annotated[
        str | None,
        Query(
            description="Only leaders of this group's members (on each trip's date), or "
            "of this country."
        ),
    ] = None,
    explain: Explain = False,
) -> dict[str, Any]:
    """As `diplotrack visitors COUNTRY --format json`."""
    return rec.visitors(
        country, since=since, until=until, all_roles=all_roles, from_group=from_group
    ).to_dict(explain)


@router.get(
    "/pair",
    summary="Visits each way between two countries, per year",
    response_model=None,
    responses={200: {"model": PairOut}},
)
def pair(
    rec: Rec,
    a: Annotated[str, Query(description="First country.")],
    b: Annotated[str, Query(description="Second country.")],
    since: Since = None,
    until: Until = None,
    explain: Explain = False,
) -> dict[str, Any]:
    """As `diplotrack pair A B --format json`."""
    return rec.pair(a, b, since=since, until=until).to_dict(explain)
