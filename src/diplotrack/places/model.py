"""The two records the places package hands out."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["City", "Country"]


@dataclass(frozen=True, slots=True)
class Country:
    """A country, territory or former state.

    `iso3` is the ISO 3166-1 alpha-3 code, the ISO 3166-3 code of a former state, or a
    user-assigned X.. code (see data/places/README.md). Dates are ISO 8601 strings. `aliases`
    holds every name other than `name` and `name_ru`, the official names included.
    `cow_code` and `cow_abbr` are the Correlates of War state number and abbreviation (None for
    entities COW does not list, such as territories). `names_local` are the names in the
    country's own official language(s) where we list them (Қазақстан, Україна); they are among
    the aliases too, unless one is `name_ru`.
    """

    iso3: str
    iso2: str | None
    name: str
    official_name: str | None
    name_ru: str | None
    historical: bool
    valid_from: str | None
    valid_to: str | None
    aliases: tuple[str, ...]
    cow_code: int | None = None
    cow_abbr: str | None = None
    names_local: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class City:
    """A city or another named place where visits happen (a residence, a resort)."""

    name: str
    country: str
    aliases: tuple[str, ...]
    population: int | None
    capital: bool
    admin1: str | None = None
    latitude: float | None = None
    curated: bool = False
