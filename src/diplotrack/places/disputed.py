"""Disputed places, whose country depends on a stated counting policy.

    >>> place = disputed("Sevastopol")
    >>> place.id, country_under(place, "de-jure"), country_under(place, "de-facto")
    ('crimea', 'UKR', 'RUS')

Each place has the country it belongs to de jure (as the UN holds) and the one that controls it
de facto, with the day that control began (`since`). Entities that no UN member or only a few
recognise have user-assigned codes: XAB Abkhazia, XSO South Ossetia, XTR Transnistria, XNC
Northern Cyprus. Nothing here looks at a trip's date: for a trip before `since`, the counting
code should use `de_jure`. The table and its sources are in data/places/disputed.csv.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from diplotrack.places.gazetteer import gazetteer
from diplotrack.places.normalize import normalize_name
from diplotrack.places.resources import read_table, split_list

__all__ = [
    "POLICIES",
    "Disputed",
    "all_disputed",
    "country_under",
    "disputed",
    "disputed_by_id",
    "policy_note",
]

POLICIES = ("de-jure", "de-facto")
_TABLE = "disputed.csv"


@dataclass(frozen=True, slots=True)
class Disputed:
    """A place claimed by one country (`de_jure`) and held by another or by itself
    (`de_facto`: an ISO3 code or one of the user-assigned X.. codes), since `since`."""

    id: str
    name: str
    name_ru: str | None
    aliases: tuple[str, ...]
    de_jure: str
    de_facto: str
    since: str | None
    note: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class _Table:
    places: tuple[Disputed, ...]
    by_key: Mapping[str, Disputed]


@cache
def disputed(text: str) -> Disputed | None:
    """The disputed place `text` names (its name, Russian name or an alias, Russian ones in
    any case form: "Керчи", "в Крыму"), or None."""
    table = _table()
    key = normalize_name(text)
    found = table.by_key.get(key)
    if found is not None or not re.search("[а-я]", key):
        return found
    for cut in (1, 2):
        stem = key[:-cut]
        if len(stem) < 4:
            break
        places = {
            id(place): place
            for name, place in table.by_key.items()
            if name.startswith(stem) and len(name) - len(stem) <= 2
        }
        if len(places) == 1:
            return next(iter(places.values()))
    return None


def disputed_by_id(place_id: str) -> Disputed | None:
    """The disputed place with this id ("crimea", "kherson"), or None. Ids are not names:
    `disputed("Kherson")` is None, because the city of Kherson is not occupied."""
    return next((place for place in _table().places if place.id == place_id), None)


def all_disputed() -> list[Disputed]:
    """Every disputed place, in table order."""
    return list(_table().places)


def country_under(place: Disputed, policy: str) -> str:
    """The code `place` is counted under: `de_jure` for "de-jure", `de_facto` for "de-facto"."""
    _check(policy)
    return place.de_jure if policy == "de-jure" else place.de_facto


def policy_note(place: Disputed, policy: str) -> str:
    """One sentence saying how `place` is counted under `policy`, and how it would be otherwise.

    >>> policy_note(disputed("Crimea"), "de-jure")
    'Crimea counted as Ukraine (policy: de-jure; de facto under Russia since 2014-03-18)'
    """
    counted = country_under(place, policy)
    label = f"policy: {policy}"
    if place.de_jure == place.de_facto:
        return f"{place.name} counted as {_name(counted)} ({label}; the same under either policy)"
    self_held = _self_held(place)
    holder = "self-governing" if self_held else f"under {_name(place.de_facto)}"
    since = f" since {place.since}" if place.since else ""
    if policy == "de-jure":
        return f"{place.name} counted as {_name(counted)} ({label}; de facto {holder}{since})"
    counted_as = "separately" if self_held else f"as {_name(counted)}"
    jure = _name(place.de_jure)
    return f"{place.name} counted {counted_as} ({label}; {holder}{since}, de jure {jure})"


def _check(policy: str) -> None:
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; expected one of {', '.join(POLICIES)}")


def _self_held(place: Disputed) -> bool:
    """Whether the de-facto holder is the place's own entity (a user-assigned code such as XAB,
    which is no country of the gazetteer)."""
    return _country_name(place.de_facto) is None


def _name(code: str) -> str:
    """A country's short English name; for a user-assigned entity code, the name of its place."""
    name = _country_name(code)
    if name is not None:
        return name
    return next(place.name for place in _table().places if place.de_facto == code)


def _country_name(code: str) -> str | None:
    try:
        return gazetteer().country_by_code(code).name
    except KeyError:
        return None


def _parse(row: dict[str, str]) -> Disputed:
    return Disputed(
        id=row["id"],
        name=row["name"],
        name_ru=row["name_ru"] or None,
        aliases=split_list(row["aliases"]),
        de_jure=row["de_jure"],
        de_facto=row["de_facto"],
        since=row["since"] or None,
        note=row["note"],
        source=row["source"],
    )


@cache
def _table() -> _Table:
    """Read the table once per process; a name that two places share is a data error."""
    places = tuple(_parse(row) for row in read_table(_TABLE))
    by_key: dict[str, Disputed] = {}
    for place in places:
        for name in (place.name, place.name_ru, *place.aliases):
            key = normalize_name(name) if name else ""
            if not key:
                continue
            if by_key.setdefault(key, place) is not place:
                raise ValueError(f"{_TABLE}: {name!r} names both {by_key[key].id} and {place.id}")
    return _Table(places, by_key)
