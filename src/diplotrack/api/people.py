"""Leaders: the list (with search and country filters) and one leader with tenures."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from diplotrack.analysis.results import leader_dict
from diplotrack.api.params import Rec
from diplotrack.api.search import LeaderHit, find_leaders

router = APIRouter(prefix="/api", tags=["people"])


class LeaderList(BaseModel):
    total: int
    leaders: list[LeaderHit]


@router.get("/leaders", summary="Leaders, filtered by name or country")
def leaders(
    rec: Rec,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of any name or alias.")
    ] = None,
    country: Annotated[str | None, Query(description="Only this country's leaders.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Skip this many first.")] = 0,
) -> LeaderList:
    """Every leader the record knows, by name (best matches first with `q`)."""
    if q:
        found = find_leaders(rec, q)
    else:
        index = rec.names().index
        found = [
            LeaderHit(id=i, name=name, country=index.countries.get(i))
            for i, name in sorted(index.display.items(), key=lambda item: (item[1], item[0]))
        ]
    if country:
        code = rec.country(country).iso3
        found = [hit for hit in found if hit.country == code]
    return LeaderList(total=len(found), leaders=found[offset : offset + limit])


@router.get("/leaders/{leader}", summary="A leader's names, ids and tenures")
def leader(rec: Rec, leader: str) -> dict[str, Any]:
    """As `diplotrack leader NAME --format json`."""
    found = rec.leader(leader)
    return leader_dict(found, rec.tenures(found.id))
