"""The gazetteer: one object answering "which country/city is this name?"."""

from __future__ import annotations

from functools import cache

from diplotrack.places.cities import city_index
from diplotrack.places.countries import CountryTable, country_table
from diplotrack.places.country_index import CountryIndex
from diplotrack.places.former import former_state
from diplotrack.places.model import City, Country

__all__ = ["Gazetteer", "gazetteer"]


class Gazetteer:
    """Countries (ISO 3166 and former states) and cities, looked up by any of their names.

    The city table is loaded on the first city question, not when the gazetteer is built.
    """

    __slots__ = ("_by_code", "_index", "_table")

    def __init__(self, table: CountryTable) -> None:
        self._table = table
        self._by_code = {country.iso3: country for country in table.countries}
        self._index = CountryIndex.build(table.countries, table.slugs)

    def country(self, text: str) -> Country | None:
        """The country `text` names: a code, an English or Russian name, an alias or an Office
        of the Historian slug; case, accents, punctuation and a leading "the" do not matter."""
        code = self._index.lookup(text)
        return self._by_code[code] if code else None

    def country_by_code(self, iso3: str) -> Country:
        """The country with this ISO3 (or ISO 3166-3, or user-assigned) code; KeyError if none."""
        return self._by_code[iso3.strip().upper()]

    def country_by_cow(self, code: int) -> list[Country]:
        """Every entry with this Correlates of War state number (365: RUS and SUN), earlier
        forms included (260, West Germany: DEU; 678, North Yemen: YEM)."""
        return [self._by_code[iso3] for iso3 in self._table.cow.get(code, ())]

    def countries(self) -> list[Country]:
        """Every country, sorted by ISO3."""
        return list(self._table.countries)

    def cities(self, name: str, country: str | None = None) -> list[City]:
        """Cities called `name`, best first (capitals, then curated names, then population).

        With `country` (an ISO3 code, or anything `country` resolves), only that country's
        cities; a former state's cities are those of its successors (Moscow for SUN).
        """
        return city_index().find(name, self._territory(country))

    def city_known(self, name: str, country: str | None = None) -> bool:
        """Whether some city of `country` (or anywhere) is called `name`."""
        return city_index().known(name, self._territory(country))

    def state_on(self, iso3: str, on: str | None, city: City | None = None) -> str:
        """The state that held a country's territory (or ``city``) on a date: KAZ in 1985
        was part of SUN, Leipzig in 1985 of DDR; XHI after 1959 is USA. Dates are ISO
        strings; None gives ``iso3`` back."""
        country = self._by_code.get(iso3)
        if on is None or country is None:
            return iso3
        if city is not None:
            former = former_state(city, on, self._by_code)
            if former is not None:
                return former
        if country.valid_to and on >= country.valid_to:
            successors = self._table.successors.get(iso3, ())
            return successors[0] if len(successors) == 1 else iso3
        if not country.valid_from or on >= country.valid_from:
            return iso3
        for former, successors in self._table.successors.items():
            state = self._by_code[former]
            if iso3 in successors and _valid(state, on):
                return former
        return iso3

    def ambiguous_keys(self) -> frozenset[str]:
        """Normalised names that two countries claim equally, so `country` gives None for them."""
        return self._index.ambiguous

    def _territory(self, country: str | None) -> frozenset[str] | None:
        if country is None:
            return None
        code = country.strip().upper()
        if code not in self._by_code:
            named = self.country(country)
            code = named.iso3 if named else code
        return frozenset((code, *self._table.successors.get(code, ())))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer(country_table())


def _valid(country: Country, on: str) -> bool:
    return (country.valid_from is None or on >= country.valid_from) and (
        country.valid_to is None or on < country.valid_to
    )
