"""``resolve_place``: which country (and city) a place mention means on a date.

Order of questions: a disputed territory (answered by the configured policy), a country,
a city — each also tried in its Russian case forms ("в Астане", "из Пекина"). A city name
shared by several countries is settled by context (a country named nearby), else by a
clear winner (a capital, or ten times the population); otherwise it stays unresolved with
its candidates, never silently wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from diplotrack.places.disputed import country_under, disputed, policy_note
from diplotrack.places.gazetteer import gazetteer
from diplotrack.places.model import City

PREPOSITIONS = (
    "in", "to", "at", "from", "into", "near", "visit to", "trip to",
    "в", "во", "из", "на", "до", "к", "ко", "с", "со", "по",
)  # fmt: skip
# Russian noun endings and the nominative endings they may come from, most specific first.
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ом", ("",)), ("ем", ("", "ь", "й")), ("ой", ("а",)), ("ей", ("я", "ь")),
    ("ами", ("а", "ы")), ("ах", ("а", "ы")), ("ы", ("а",)), ("у", ("", "а")),
    ("ю", ("я", "ь")), ("е", ("", "а", "я", "ь")), ("и", ("ь", "я", "а", "и")),
    ("а", ("",)), ("я", ("ь", "й")),
)  # fmt: skip
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the surrounding text says: a country named nearby, the date's policy."""

    country: str | None = None
    policy: str = "de-jure"


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    mention: str
    country: str | None
    city: str | None
    kind: str
    confidence: float
    alternatives: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return self.country is not None


def resolve_place(
    mention: str, on: str | None = None, context: PlaceContext | None = None
) -> PlaceResolution:
    """The country (ISO3, as the state was on date ``on``) and city a mention names."""
    ctx = context or PlaceContext()
    for form in surface_forms(mention):
        found = _resolve_form(mention, form, on, ctx)
        if found is not None:
            return found
    return PlaceResolution(mention, None, None, "unknown", 0.0)


def surface_forms(mention: str) -> Iterator[str]:
    """The mention, without a leading preposition, then its possible Russian nominatives."""
    text = " ".join(mention.strip().strip(".,;:!?\"'«»()").split())
    words = text.split(" ")
    if len(words) > 1 and words[0].casefold() in PREPOSITIONS:
        text = " ".join(words[1:])
    yield text
    if any("а" <= ch <= "я" or ch == "ё" for ch in text.casefold()):
        yield from nominatives(text)


def nominatives(text: str) -> Iterator[str]:
    """Nominative forms a Russian word in another case may come from (Астане -> Астана)."""
    folded = text
    for ending, replacements in _CASE_ENDINGS:
        if folded.casefold().endswith(ending) and len(folded) > len(ending) + 2:
            stem = folded[: -len(ending)]
            for replacement in replacements:
                yield stem + replacement


def _resolve_form(
    mention: str, form: str, on: str | None, ctx: PlaceContext
) -> PlaceResolution | None:
    place = disputed(form)
    if place is not None:
        code = country_under(place, ctx.policy)
        note = policy_note(place, ctx.policy)
        return PlaceResolution(mention, code, None, "disputed", 0.9, (), (note,))
    country = gazetteer().country(form)
    if country is not None:
        return PlaceResolution(
            mention, gazetteer().state_on(country.iso3, on), None, "country", 1.0
        )
    cities = gazetteer().cities(form, ctx.country)
    if cities:
        return _city(mention, cities, on)
    return None


def _city(mention: str, cities: list[City], on: str | None) -> PlaceResolution:
    countries = list(dict.fromkeys(c.country for c in cities))
    best = cities[0]
    state = gazetteer().state_on(best.country, on)
    if len(countries) == 1:
        return PlaceResolution(mention, state, best.name, "city", 0.95)
    others = tuple(c for c in countries if c != best.country)
    if _clear_winner(best, cities):
        return PlaceResolution(mention, state, best.name, "city", 0.8, others)
    return PlaceResolution(mention, None, None, "ambiguous", LOW_CONFIDENCE, tuple(countries))


def _clear_winner(best: City, cities: list[City]) -> bool:
    rivals = [c for c in cities if c.country != best.country]
    if best.capital and not any(c.capital for c in rivals):
        return True
    top = max((c.population or 0) for c in rivals)
    return (best.population or 0) >= 10 * max(top, 1)
