"""Country adjectives and demonyms in English and Russian ("Kazakh", "казахстанский").

    >>> countries_by_adjective("Kazakhstani")
    ['KAZ']
    >>> countries_by_adjective("казахстанского")
    ['KAZ']
    >>> adjectives("BLR")[:2]
    ['Belarusian', 'Belarussian']

English forms match whole (after `normalize_name`, so case and accents do not matter), with a
plural "s" allowed on forms of four letters or more ("Kazakhs", "Thais", but not "Laos").
Russian forms are listed in the masculine nominative singular and match in any case, gender and
number: the adjective ending is cut off both sides and the stems compared, and a stem must keep
at least four letters ("Китая" and "России" are nouns and find nothing). Matching ignores
letter case, so "us" finds the United States as "US" does: a caller scanning running text
should check the case of abbreviations itself. Possessives of country names ("Russia's") are
not adjectives and are not handled here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from diplotrack.places.normalize import normalize_name
from diplotrack.places.resources import read_table

__all__ = ["LANGS", "adjectives", "city_by_adjective", "countries_by_adjective"]

LANGS = ("en", "ru")
_TABLE = "demonyms.csv"
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Russian adjective endings, longest first so that "ого" wins over a shorter match.
_ENDINGS = (
    *("ого", "его", "ому", "ему", "ыми", "ими"),
    *("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые"),
    *("ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ей"),
)
_MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class _Forms:
    """Forms per (iso3, lang) in table order, and the ISO3 codes per lookup key."""

    by_country: Mapping[tuple[str, str], tuple[str, ...]]
    by_key: Mapping[str, tuple[str, ...]]


def countries_by_adjective(word: str) -> list[str]:
    """ISO3 codes (sorted; usually one) of the countries `word` is an adjective or demonym of,
    in English or in any inflected form of a Russian adjective; [] for anything else."""
    key = normalize_name(word)
    if not key:
        return []
    forms = _forms()
    if _CYRILLIC.search(key):
        stem = _russian_stem(key)
        return list(forms.by_key.get(stem, ())) if stem else []
    found = forms.by_key.get(key)
    if found is None and key.endswith("s") and len(key) > _MIN_STEM:
        found = forms.by_key.get(key[:-1])
    return list(found or ())


def adjectives(iso3: str, lang: str = "en") -> list[str]:
    """The adjectives and demonyms of a country in `lang` ("en" or "ru"), in table order;
    [] for a code without any. ValueError for another language."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    return list(_forms().by_country.get((iso3.strip().upper(), lang), ()))


def _russian_stem(key: str) -> str | None:
    """`key` with the adjective ending cut off its last word; None when that word has no
    ending that leaves a stem of at least four letters."""
    head, _, last = key.rpartition(" ")
    for ending in _ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= _MIN_STEM:
            stem = last[: -len(ending)]
            return f"{head} {stem}" if head else stem
    return None


def _lookup_key(form: str, lang: str) -> str:
    key = normalize_name(form)
    if lang == "en":
        return key
    stem = _russian_stem(key)
    if stem is None:
        raise ValueError(f"{_TABLE}: {form!r} does not end like a Russian adjective")
    return stem


def city_by_adjective(word: str) -> str | None:
    """The city a Russian adjective is made from ("парижском" -> "Paris"), or None.

    >>> city_by_adjective("токийском"), city_by_adjective("дружеском")
    ('Tokyo', None)
    """
    folded = word.casefold().replace("ё", "е")
    stems = _city_stems()
    for size in range(min(len(folded), 16), 3, -1):
        city = stems.get(folded[:size])
        if city is not None and _ENDING_AFTER.fullmatch(folded[size:]):
            return city
    return None


_ENDING_AFTER = re.compile(r"(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ым|ых|ые|ей)")


@cache
def _city_stems() -> dict[str, str]:
    return {
        row["stem"].replace("ё", "е"): row["city"] for row in read_table("city_adjectives_ru.csv")
    }


@cache
def _forms() -> _Forms:
    """Read the table once per process."""
    by_country: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    by_key: defaultdict[str, set[str]] = defaultdict(set)
    for row in read_table(_TABLE):
        code, lang, form = row["iso3"], row["lang"], row["form"]
        if lang not in LANGS:
            raise ValueError(f"{_TABLE}: unknown language {lang!r} for {code}")
        by_country[code, lang].append(form)
        by_key[_lookup_key(form, lang)].add(code)
    return _Forms(
        by_country={pair: tuple(forms) for pair, forms in by_country.items()},
        by_key={key: tuple(sorted(codes)) for key, codes in by_key.items()},
    )
