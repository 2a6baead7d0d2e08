"""The country table: pycountry's ISO 3166 entries with our names, dates and former states.

Every ISO 3166-1 entry is taken from pycountry with its Russian name from pycountry's gettext
catalogue. data/places/countries.csv then overrides what it fills in (usual short names, Russian
short names, dates, aliases, names in the national languages) and adds the former and
user-assigned entities that ISO 3166-1 lacks. data/places/cow.csv adds the Correlates of War
state numbers and abbreviations.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

import pycountry

from diplotrack.places.model import Country
from diplotrack.places.normalize import distinct_aliases
from diplotrack.places.resources import read_table, split_list

__all__ = ["CountryTable", "country_table"]

_TABLE = "countries.csv"
_SLUGS = "history_state_slugs.csv"
_COW = "cow.csv"


@dataclass(frozen=True, slots=True)
class CountryTable:
    """All countries sorted by ISO3, the successors of former states, the Office of the
    Historian's country slugs (slug -> ISO3), and the entries each Correlates of War state
    number names (365 -> RUS, SUN; 260, West Germany's number, -> DEU)."""

    countries: tuple[Country, ...]
    successors: Mapping[str, tuple[str, ...]]
    slugs: Mapping[str, str]
    cow: Mapping[int, tuple[str, ...]]


@cache
def country_table() -> CountryTable:
    """Build the table once per process."""
    rows = {row["iso3"]: row for row in read_table(_TABLE)}
    base = _iso_countries()
    built = [_apply_row(base.get(code), row) for code, row in rows.items()]
    untouched = [country for code, country in base.items() if code not in rows]
    cow_rows = read_table(_COW)
    own = _own_cow_codes(cow_rows)
    countries = tuple(
        _with_cow(country, own.get(country.iso3))
        for country in sorted([*built, *untouched], key=lambda country: country.iso3)
    )
    successors = {
        code: split_list(row["successors"]) for code, row in rows.items() if row["successors"]
    }
    slugs = {row["slug"]: row["iso3"] for row in read_table(_SLUGS)}
    return CountryTable(countries, successors, slugs, _cow_numbers(cow_rows))


def _own_cow_codes(rows: Iterable[Mapping[str, str]]) -> dict[str, tuple[int, str]]:
    """ISO3 -> the entry's own COW number and abbreviation (rows not marked `earlier`)."""
    return {
        row["iso3"]: (int(row["cow_code"]), row["cow_abbr"])
        for row in rows
        if row["earlier"] != "yes"
    }


def _cow_numbers(rows: Iterable[Mapping[str, str]]) -> dict[int, tuple[str, ...]]:
    """COW number -> every entry it names, earlier forms of a state included."""
    found: dict[int, list[str]] = {}
    for row in rows:
        found.setdefault(int(row["cow_code"]), []).append(row["iso3"])
    return {code: tuple(sorted(entries)) for code, entries in found.items()}


def _with_cow(country: Country, cow: tuple[int, str] | None) -> Country:
    if cow is None:
        return country
    return replace(country, cow_code=cow[0], cow_abbr=cow[1])


@cache
def _russian(domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"], fallback=True)


def _translate(domain: str, text: str | None) -> str | None:
    if text is None:
        return None
    translated = _russian(domain).gettext(text)
    return translated if translated != text else None


def _iso_countries() -> dict[str, Country]:
    found: dict[str, Country] = {}
    for entry in pycountry.countries:
        name: str = entry.name
        common: str | None = getattr(entry, "common_name", None)
        official: str | None = getattr(entry, "official_name", None)
        name_ru = _translate("iso3166-1", name)
        variants = (name, official, _translate("iso3166-1", official))
        found[entry.alpha_3] = Country(
            iso3=entry.alpha_3,
            iso2=entry.alpha_2,
            name=common or name,
            official_name=official,
            name_ru=name_ru,
            historical=False,
            valid_from=None,
            valid_to=None,
            aliases=distinct_aliases(filter(None, variants), (common or name, name_ru)),
        )
    return found


def _former_names(iso3: str) -> tuple[str, ...]:
    entry = pycountry.historic_countries.get(alpha_3=iso3)
    if entry is None:
        return ()
    names = (entry.name, _translate("iso3166-3", entry.name))
    return tuple(name for name in names if name)


def _apply_row(base: Country | None, row: Mapping[str, str]) -> Country:
    """Layer one CSV row over the pycountry entry (blank cells keep pycountry's value)."""
    code = row["iso3"]
    name = row["name"] or (base.name if base else code)
    official = row["official_name"] or (base.official_name if base else None)
    name_ru = row["name_ru"] or (base.name_ru if base else None)
    inherited = base.aliases if base else _former_names(code)
    local = split_list(row["names_local"])
    extra = (*split_list(row["aliases"]), *local, *([official] if official else []), *inherited)
    if base and name != base.name:
        extra = (*extra, base.name)
    if base and name_ru != base.name_ru and base.name_ru:
        extra = (*extra, base.name_ru)
    return Country(
        iso3=code,
        iso2=row["iso2"] or (base.iso2 if base else None),
        name=name,
        official_name=official,
        name_ru=name_ru,
        historical=row["historical"] == "yes",
        valid_from=row["valid_from"] or None,
        valid_to=row["valid_to"] or None,
        aliases=distinct_aliases(extra, (name, name_ru)),
        names_local=local,
    )
