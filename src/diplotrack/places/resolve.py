"""``resolve_place``: which country (and city) a place mention means on a date.

Order of questions: a disputed territory (answered by the configured policy), a country,
a city — each also tried in its Russian case forms ("в Астане", "из Пекина"). A city name
shared by several countries is settled by context (a country named nearby), else by a
clear winner (a capital, or ten times the population); otherwise it stays unresolved with
its candidates, never silently wrong.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from diplotrack.places.disputed import country_under, disputed, policy_note
from diplotrack.places.gazetteer import gazetteer
from diplotrack.places.groups import groups
from diplotrack.places.model import City
from diplotrack.places.normalize import normalize_name

PREPOSITIONS = (
    "in", "to", "at", "from", "into", "near", "visit to", "trip to", "visits to",
    "в", "во", "из", "на", "до", "к", "ко", "с", "со", "по",
)  # fmt: skip
# Russian noun endings and the nominative endings they may come from, most specific first.
_CASE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ый", "ий", "ое")), ("его", ("ий", "ее")), ("ому", ("ый", "ий")),
    ("ыми", ("ые",)), ("ами", ("а", "ы")), ("ями", ("я", "и")),
    ("ой", ("ая", "ый", "ой", "а")), ("ей", ("яя", "ь", "я")), ("ую", ("ая",)),
    ("ом", ("", "ый", "ий", "ое", "о")), ("ем", ("", "ий", "ее", "ь", "й", "е")),
    ("ых", ("ые",)), ("их", ("ие",)), ("ах", ("ы", "и", "а")), ("ях", ("и", "я")),
    ("ы", ("а",)), ("у", ("", "а")), ("ю", ("я", "ь")), ("е", ("", "а", "я", "ь", "й", "о")),
    ("и", ("ь", "я", "а", "и", "ия")), ("а", ("",)), ("я", ("ь", "й")),
)  # fmt: skip
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
_VOWEL = re.compile("[аеёиоуыэюя]", re.IGNORECASE)
# Names that fit several countries equally; without context they stay unresolved.
AMBIGUOUS_COUNTRIES = {"congo": ("COD", "COG"), "конго": ("COD", "COG")}
CLEAR_RATIO = 7
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
    """The mention without a leading preposition, then its possible Russian nominatives."""
    text = " ".join(mention.strip().strip(".,;:!?\"'«»()").split())
    folded = text.casefold()
    for phrase in sorted(PREPOSITIONS, key=len, reverse=True):
        if folded.startswith(phrase + " ") and len(text) > len(phrase) + 1:
            text = text[len(phrase) + 1 :]
            break
    yield text
    if _CYRILLIC.search(text):
        yield from nominatives(text)


def nominatives(text: str) -> Iterator[str]:
    """Nominative forms a Russian place name in another case may come from, word by word
    (в Южной Корее -> Южная Корея, в Нижнем Новгороде -> Нижний Новгород)."""
    words = text.split(" ")
    if len(words) > 3:
        return
    options = [[w, *_word_nominatives(w)] for w in words]
    yield from (" ".join(c) for c in itertools.islice(itertools.product(*options), 1, 200))


def _word_nominatives(word: str) -> list[str]:
    forms: list[str] = []
    folded = word.casefold()
    for ending, replacements in _CASE_ENDINGS:
        if folded.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            forms.extend(stem + r for r in replacements)
            if len(stem) >= 3 and not _VOWEL.search(stem[-2:]):
                forms.append(stem[:-1] + "е" + stem[-1])  # a fleeting vowel: Египте -> Египет
    return list(dict.fromkeys(forms))


def _resolve_form(
    mention: str, form: str, on: str | None, ctx: PlaceContext
) -> PlaceResolution | None:
    place = disputed(form)
    if place is not None and place.since and on is not None and on < place.since:
        code = gazetteer().state_on(place.de_jure, on)
        return PlaceResolution(mention, code, None, "country", 0.9)
    if place is not None:
        code = country_under(place, ctx.policy)
        note = policy_note(place, ctx.policy)
        return PlaceResolution(mention, code, None, "disputed", 0.9, (), (note,))
    if normalize_name(form) in AMBIGUOUS_COUNTRIES and ctx.country is None:
        codes = AMBIGUOUS_COUNTRIES[normalize_name(form)]
        return PlaceResolution(mention, None, None, "ambiguous", LOW_CONFIDENCE, codes)
    country = gazetteer().country(form)
    group = groups().group(form) if country is None else None
    if group is not None:
        return PlaceResolution(mention, None, None, "group", 0.9, (group.id,))
    if country is not None:
        return PlaceResolution(
            mention, gazetteer().state_on(country.iso3, on), None, "country", 1.0
        )
    cities = gazetteer().cities(form, ctx.country)
    if cities:
        return _city(mention, form, cities, on)
    return None


def _city(mention: str, form: str, cities: list[City], on: str | None) -> PlaceResolution:
    """One city among namesakes: a place we added or named by hand (data/places/cities.csv:
    "Granada" is Spain's, "Vancouver" Canada's), the only country, a capital at
    least as large as any namesake, or one seven times larger than the next; else unresolved.
    Cities known by this name (their own, or a former name we curated) come before cities
    that merely list it among alternate spellings."""
    key = normalize_name(form)
    primary = [c for c in cities if c.curated or normalize_name(c.name) == key] or cities
    curated = [c for c in primary if c.population is None]
    curated = curated or [c for c in primary if c.curated]  # "Granada": the one we named
    pool = curated or primary
    best = pool[0]
    countries = list(dict.fromkeys(c.country for c in pool))
    others = tuple(dict.fromkeys(c.country for c in cities if c.country != best.country))
    state = gazetteer().state_on(best.country, on, best)
    if len(countries) == 1:
        return PlaceResolution(
            mention, state, best.name, "city", 0.95 if not others else 0.85, others
        )
    winner = _clear_winner(pool)
    if winner is not None:
        state = gazetteer().state_on(winner.country, on, winner)
        rest = tuple(c for c in countries if c != winner.country)
        return PlaceResolution(mention, state, winner.name, "city", 0.8, rest)
    return PlaceResolution(mention, None, None, "ambiguous", LOW_CONFIDENCE, tuple(countries))


def _clear_winner(cities: list[City]) -> City | None:
    def rivals(city: City) -> int:
        return max((c.population or 0) for c in cities if c.country != city.country)

    for city in cities:
        if city.capital and (city.population or 0) >= rivals(city):
            return city
    biggest = max(cities, key=lambda c: c.population or 0)
    if (biggest.population or 0) >= CLEAR_RATIO * max(rivals(biggest), 1):
        return biggest
    return None
