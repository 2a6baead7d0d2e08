"""Where a count looks: one country, or a group or region judged on each trip's date.

``--to Kazakhstan``, ``--to group:CSTO``, ``--to region:central-asia``, ``--to ОДКБ``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diplotrack.analysis.visits import Visit
from diplotrack.dates import bounds
from diplotrack.errors import NotFound
from diplotrack.places import gazetteer, groups
from diplotrack.places.disputed import all_disputed


@dataclass(frozen=True, slots=True)
class Destination:
    """A country (``country``) or a group of countries (``group``)."""

    label: str
    country: str | None = None
    group: str | None = None

    def matches(self, visit: Visit) -> bool:
        if self.country is not None:
            return visit.country == self.country
        assert self.group is not None
        start = visit.trip.start_date
        if start is None:
            return False
        return groups().is_member(self.group, visit.country, _first_day(start))

    def stored_countries(self) -> list[str]:
        """Countries whose stops may count here, for the database query: every member the
        group ever had, and the other side of any disputed territory."""
        wanted = {self.country} if self.country else set(groups().members(self.group or ""))
        for place in all_disputed():
            if wanted & {place.de_jure, place.de_facto}:
                wanted |= {place.de_jure, place.de_facto}
        return sorted(wanted)


def destination(text: str) -> Destination:
    """A country by any name or code, else a group or region by any name."""
    prefixed = text.strip().casefold().startswith(("group:", "region:"))
    country = None if prefixed else gazetteer().country(text)
    if country is not None:
        return Destination(country.name, country=country.iso3)
    group = groups().group(text)
    if group is None:
        raise NotFound(f"no country, group or region {text!r}")
    return Destination(group.name, group=group.id)


def _first_day(value: str) -> dt.date:
    return bounds(value)[0]
