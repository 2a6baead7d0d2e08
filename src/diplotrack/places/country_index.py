"""Name -> country lookup over the country table.

Every code and name of a country is a claim on a key, with a rank: ISO3 code, ISO2 code, short
name (English or Russian), official name, alias, Office of the Historian slug. A key belongs to
the country with the best claim; a key claimed by two countries at the same best rank is
ambiguous and resolves to nothing.
Keys exist in two strengths: exact (`normalize_name`) and loose (`loose_key`), tried in that order.

A Correlates of War abbreviation ("UKG", "GMY", "RVN") is tried last, only as written in capitals,
and only where no code or name of any country already holds the key: many are everyday words or
place names in lower case (Van, Kos, New, Sin), and some are another country's ISO code (COW's
"AUS" is Austria, ISO's is Australia; Czechoslovakia's "CZE" is Czechia's ISO code).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from enum import IntEnum

from diplotrack.places.model import Country
from diplotrack.places.normalize import loose_key, normalize_name

__all__ = ["CountryIndex", "Rank", "query_keys"]


class Rank(IntEnum):
    """How strongly a name points at a country (lower wins)."""

    ISO3 = 0
    ISO2 = 1
    NAME = 2
    OFFICIAL = 3
    ALIAS = 4
    SLUG = 5
    COW = 6


@dataclass(frozen=True, slots=True)
class CountryIndex:
    exact: Mapping[str, str]
    loose: Mapping[str, str]
    ambiguous: frozenset[str]
    cow: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, countries: Iterable[Country], slugs: Mapping[str, str]) -> CountryIndex:
        countries = tuple(countries)
        claims = [
            (rank, normalize_name(name), country.iso3)
            for country in countries
            for rank, name in _names(country)
        ]
        claims += [(Rank.SLUG, normalize_name(slug), code) for slug, code in slugs.items()]
        exact, exact_ties = _resolve(claims)
        loose, loose_ties = _resolve((rank, loose_key(key), code) for rank, key, code in claims)
        held = (exact.keys() | exact_ties, loose.keys() | loose_ties)
        cow, cow_ties = _resolve(_cow_claims(countries, *held))
        ambiguous = exact_ties | loose_ties | {normalize_name(abbr) for abbr in cow_ties}
        return cls(exact, loose, frozenset(ambiguous), cow)

    def lookup(self, text: str) -> str | None:
        """The ISO3 code `text` names, or None."""
        for key in query_keys(text):
            found = self.exact.get(key) or self.loose.get(loose_key(key))
            if found:
                return found
        return self.cow.get(text.strip())


def query_keys(text: str) -> Iterator[str]:
    """Keys to try for `text`: as written, then "Korea, South" turned into "South Korea"."""
    yield normalize_name(text)
    head, comma, tail = text.partition(",")
    if comma and "," not in tail:
        yield normalize_name(f"{tail} {head}")


def _names(country: Country) -> Iterator[tuple[Rank, str]]:
    yield Rank.ISO3, country.iso3
    if country.iso2:
        yield Rank.ISO2, country.iso2
    yield Rank.NAME, country.name
    if country.name_ru:
        yield Rank.NAME, country.name_ru
    if country.official_name:
        yield Rank.OFFICIAL, country.official_name
    for alias in country.aliases:
        yield Rank.ALIAS, alias


def _cow_claims(
    countries: Iterable[Country], exact_held: Set[str], loose_held: Set[str]
) -> Iterator[tuple[Rank, str, str]]:
    """COW abbreviations (kept as written) whose key no code or name of a country holds."""
    for country in countries:
        abbr = country.cow_abbr
        key = normalize_name(abbr) if abbr else ""
        if abbr and key not in exact_held and loose_key(key) not in loose_held:
            yield Rank.COW, abbr, country.iso3


def _resolve(claims: Iterable[tuple[Rank, str, str]]) -> tuple[dict[str, str], set[str]]:
    """Give each key to its best claimant; report keys with two claimants at the best rank."""
    best: dict[str, tuple[Rank, set[str]]] = {}
    for rank, key, code in claims:
        if not key:
            continue
        held = best.get(key)
        if held is None or rank < held[0]:
            best[key] = (rank, {code})
        elif rank == held[0]:
            held[1].add(code)
    owners = {key: next(iter(codes)) for key, (_, codes) in best.items() if len(codes) == 1}
    return owners, {key for key, (_, codes) in best.items() if len(codes) > 1}
