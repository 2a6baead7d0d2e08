"""Which former state held a city on a date, where the present-day country had more than one
predecessor (data/places/former_regions.csv): Leipzig in 1985 was in East Germany, Hanoi in
1970 in North Vietnam, Honolulu in 1950 in the Territory of Hawaii."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from diplotrack.places.model import City, Country
from diplotrack.places.normalize import normalize_name
from diplotrack.places.resources import read_table, split_list


@dataclass(frozen=True, slots=True)
class FormerRegion:
    former: str
    country: str
    rule: str
    values: tuple[str, ...]

    def holds(self, city: City) -> bool:
        if self.rule == "admin1":
            return city.admin1 in self.values
        if self.rule in ("lat_ge", "lat_lt") and city.latitude is not None:
            north = city.latitude >= float(self.values[0])
            return north if self.rule == "lat_ge" else not north
        if self.rule == "place":
            names = {normalize_name(n) for n in (city.name, *city.aliases)}
            return any(normalize_name(v) in names for v in self.values)
        return False


@cache
def former_regions() -> tuple[FormerRegion, ...]:
    return tuple(
        FormerRegion(row["former"], row["country"], row["rule"], split_list(row["value"]))
        for row in read_table("former_regions.csv")
    )


def former_state(city: City, on: str, states: dict[str, Country]) -> str | None:
    """The former state that held ``city`` on ``on``, if a region rule says so."""
    for region in former_regions():
        state = states.get(region.former)
        if region.country != city.country or state is None or not region.holds(city):
            continue
        if (state.valid_from is None or on >= state.valid_from) and (
            state.valid_to is None or on < state.valid_to
        ):
            return region.former
    return None
