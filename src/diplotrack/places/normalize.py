"""Turn place names into lookup keys.

A key is casefolded and free of accents (but Cyrillic letters such as "й" and "ї" are kept, and
"ё" loses its dots), with apostrophes unified, punctuation and whitespace collapsed to single
spaces, and a leading "the " dropped. `normalize_lines` does the same to many names at once,
one per line, which is how the city table is indexed quickly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["distinct_aliases", "loose_key", "loose_lines", "normalize_lines", "normalize_name"]

_COMBINING = re.compile("[\u0300-\u036f]")
_APOSTROPHES = {
    "\u2019": "'",  # right single quotation mark
    "\u2018": "'",  # left single quotation mark
    "`": "'",
    "\u00b4": "'",  # acute accent
    "\u02bc": "'",  # modifier letter apostrophe
    "\u02bb": "'",  # modifier letter turned comma
}
_LETTERS = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "\u0131": "i",  # dotless i
    "æ": "ae",
    "œ": "oe",
    "ð": "d",
    "þ": "th",
    "ħ": "h",
    "ŀ": "l",
}
_FOLDS = {**_APOSTROPHES, **_LETTERS}
_SPECIAL = re.compile("[" + "".join(_FOLDS) + "]")
# NFD splits these Cyrillic letters into a base and a mark; put them back together.
_KEEP_CYRILLIC = (
    ("\u0438\u0306", "\u0439"),  # Cyrillic i + breve = short i
    ("\u0456\u0308", "\u0457"),  # Ukrainian i + diaeresis = yi
    ("\u0443\u0306", "\u045e"),  # Cyrillic u + breve = short u
)
_SEPARATORS = re.compile(r"[^\w'\n]+")
_LEADING_THE = re.compile(r"^the (?=\S)", re.MULTILINE)
_LOOSE_DROP = frozenset({"the", "and", "\u0438"})  # Russian "и" is "and"
_LOOSE_SWAP = {"st": "saint", "ste": "sainte"}
_LOOSE_DROP_BULK = re.compile("(?:^| )(?:" + "|".join(_LOOSE_DROP) + ")(?= |$)", re.MULTILINE)
_LINE_START_SPACE = re.compile(r"^ ", re.MULTILINE)
_LOOSE_SWAP_BULK = re.compile(r"(?<![^ \n])(?:st|ste)(?![^ \n])")


def _fold(match: re.Match[str]) -> str:
    return _FOLDS[match.group()]


def normalize_lines(text: str) -> list[str]:
    """Normalise every line of `text`; the result has one key per input line."""
    folded = unicodedata.normalize("NFD", text.casefold())
    for decomposed, letter in _KEEP_CYRILLIC:
        folded = folded.replace(decomposed, letter)
    folded = _SPECIAL.sub(_fold, _COMBINING.sub("", folded))
    spaced = _SEPARATORS.sub(" ", folded.replace("_", " "))
    spaced = spaced.replace(" \n", "\n").replace("\n ", "\n")
    return _LEADING_THE.sub("", spaced.strip(" ")).split("\n")


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """The key used for every place lookup (see the module docstring); cached, as the same
    names come back in every article."""
    return normalize_lines(" ".join(text.splitlines()))[0]


def loose_key(key: str) -> str:
    """A coarser key: drops "the", "and" and "и", spells out "st" as "saint"."""
    words = (_LOOSE_SWAP.get(word, word) for word in key.split(" ") if word not in _LOOSE_DROP)
    return " ".join(words)


def loose_lines(text: str) -> list[str]:
    """`loose_key` applied to every line of already-normalised `text`."""
    dropped = _LOOSE_DROP_BULK.sub("", text)
    trimmed = _LINE_START_SPACE.sub("", dropped)
    return _LOOSE_SWAP_BULK.sub(_swap, trimmed).split("\n")


def _swap(match: re.Match[str]) -> str:
    return _LOOSE_SWAP[match.group()]


def distinct_aliases(aliases: Iterable[str], names: Iterable[str | None]) -> tuple[str, ...]:
    """`aliases` in order, without those whose key repeats one of `names` or an earlier alias."""
    seen = {normalize_name(name) for name in names if name}
    kept: list[str] = []
    for alias in aliases:
        key = normalize_name(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)
