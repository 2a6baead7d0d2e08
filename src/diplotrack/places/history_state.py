"""Countries as the US Office of the Historian writes them: a slug and a printed name.

The slug names today's country ("russia"); the printed name may name the state of the time
("U.S.S.R."). The name decides when it names a former state, the slug decides otherwise, and a
parenthesis counts either way: "Yugoslavia (Kosovo)" under the slug "kosovo" is Kosovo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diplotrack.places.countries import country_table
from diplotrack.places.gazetteer import Gazetteer, gazetteer
from diplotrack.places.model import Country

__all__ = ["history_state_country", "resolve_history_state"]

_PARENTHESIS = re.compile(r"^(?P<outer>.*?)\s*\((?P<inner>[^()]*)\)\s*$")


def history_state_country(slug: str, name: str) -> Country | None:
    """The country of an Office of the Historian (slug, name) pair, or None."""
    return resolve_history_state(gazetteer(), slug, name)


def resolve_history_state(places: Gazetteer, slug: str, name: str) -> Country | None:
    named = list(_named(places, name))
    by_slug = _by_slug(places, slug)
    if by_slug is not None and by_slug in named:
        return by_slug
    former = [country for country in named if country.historical]
    if former:
        return former[0]
    return by_slug or (named[0] if named else None)


def _by_slug(places: Gazetteer, slug: str) -> Country | None:
    code = country_table().slugs.get(slug.strip().casefold())
    return places.country_by_code(code) if code else places.country(slug)


def _named(places: Gazetteer, name: str) -> Iterator[Country]:
    """The countries `name` names: as a whole, then the text outside and inside a parenthesis."""
    parts = [name]
    match = _PARENTHESIS.match(name.strip())
    if match:
        parts += [match["outer"], match["inner"]]
    seen: set[str] = set()
    for part in parts:
        country = places.country(part)
        if country is not None and country.iso3 not in seen:
            seen.add(country.iso3)
            yield country
