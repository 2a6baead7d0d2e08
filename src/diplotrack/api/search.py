"""Finding leaders and countries by part of any of their names, in any script: the search
box of the pages, and the ``q`` filter of ``/api/leaders``.

A name matches when it equals the query, starts with it, has a word starting with it, or
contains it, ranked in that order (names compared as ``normalize_name`` keys: case, accents
and punctuation do not matter; "Путин" finds Vladimir Putin).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from diplotrack.api.params import Rec
from diplotrack.places import gazetteer, normalize_name
from diplotrack.record import Record

router = APIRouter(prefix="/api", tags=["search"])


class LeaderHit(BaseModel):
    id: str = Field(examples=["vladimir-putin"])
    name: str = Field(examples=["Vladimir Putin"])
    country: str | None = Field(description="ISO3 code of the leader's country.", examples=["RUS"])


class CountryHit(BaseModel):
    code: str = Field(description="ISO3 code.", examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])


class SearchResult(BaseModel):
    leaders: list[LeaderHit]
    countries: list[CountryHit]


def rank(query: str, key: str) -> int | None:
    """0 same, 1 starts with, 2 a word starts with, 3 contains; None: no match."""
    if key == query:
        return 0
    if key.startswith(query):
        return 1
    if f" {query}" in f" {key}":
        return 2
    return 3 if query in key else None


def best(query: str, keyed: Iterable[tuple[str, str]]) -> dict[str, int]:
    """For each item, the best rank of any of its keys."""
    found: dict[str, int] = {}
    for key, item in keyed:
        score = rank(query, key)
        if score is not None and score < found.get(item, 4):
            found[item] = score
    return found


def find_leaders(rec: Record, text: str) -> list[LeaderHit]:
    """Every leader with a name or alias matching ``text``, best first."""
    query = normalize_name(text)
    if not query:
        return []
    index = rec.names().index
    keyed = ((key, leader) for key, ids in index.names.items() for leader in ids)
    scores = best(query, keyed)
    if text.strip() in index.display:  # an id
        scores[text.strip()] = 0
    order = sorted(scores, key=lambda i: (scores[i], index.display.get(i, i), i))
    return [
        LeaderHit(id=i, name=index.display.get(i, i), country=index.countries.get(i)) for i in order
    ]


def find_countries(text: str) -> list[CountryHit]:
    """Every country with a name, alias or code matching ``text``, best first."""
    query = normalize_name(text)
    if not query:
        return []
    scores = best(query, _country_keys())
    code = _country_codes().get(query)
    if code is not None:
        scores[code] = 0
    table = gazetteer()
    order = sorted(scores, key=lambda c: (scores[c], table.country_by_code(c).name))
    return [CountryHit(code=c, name=table.country_by_code(c).name) for c in order]


@cache
def _country_keys() -> tuple[tuple[str, str], ...]:
    keys: list[tuple[str, str]] = []
    for country in gazetteer().countries():
        names = (country.name, country.name_ru, country.official_name, *country.aliases)
        keys += [(normalize_name(n), country.iso3) for n in names if n]
    return tuple(keys)


@cache
def _country_codes() -> dict[str, str]:
    """ISO3 and ISO2 codes, as normalised keys."""
    codes = {normalize_name(c.iso2): c.iso3 for c in gazetteer().countries() if c.iso2}
    return codes | {normalize_name(c.iso3): c.iso3 for c in gazetteer().countries()}


@router.get("/search", summary="Leaders and countries by part of a name, in any script")
def search(
    rec: Rec,
    q: Annotated[
        str,
        Query(min_length=1, max_length=200, description="Part of a name: Putin, Путин, Kazakh."),
    ],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many of each.")] = 10,
) -> SearchResult:
    """Leaders by any alias and countries by any name or code, best matches first."""
    return SearchResult(leaders=find_leaders(rec, q)[:limit], countries=find_countries(q)[:limit])
