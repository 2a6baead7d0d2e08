"""Numbers and ordinals as news writes them, in English and Russian:
"35", "three", "thirty-five", "a dozen", "35th", "thirty-fifth", "три", "тридцать пять",
"трижды", "35-й", "тридцать пятый"."""

from __future__ import annotations

import re

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "once": 1, "twice": 2, "thrice": 3, "a dozen": 12, "a couple of": 2,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}  # fmt: skip
_EN_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_EN_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
# Russian stems (any case ending follows), longest first within each table.
_RU_UNITS = (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14),
    ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
    ("девятнадцат", 19), ("дважды", 2), ("трижды", 3), ("четырежды", 4), ("однажды", 1),
    ("один", 1), ("одн", 1), ("два", 2), ("две", 2), ("двух", 2), ("три", 3), ("трех", 3),
    ("трёх", 3), ("четыр", 4), ("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8),
    ("девят", 9), ("десят", 10), ("дюжин", 12),
)  # fmt: skip
_RU_TENS = (("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50),
            ("пятидесят", 50), ("шестьдесят", 60))  # fmt: skip
_RU_ORD = (
    ("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4), ("пят", 5), ("шест", 6),
    ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10), ("одиннадцат", 11),
    ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
)  # fmt: skip
_RU_ORD_TENS = (("двадцат", 20), ("тридцат", 30), ("сороков", 40), ("пятидесят", 50))
_RU_ORD_ENDINGS = (
    "ый",
    "ой",
    "ий",
    "ая",
    "ое",
    "ого",
    "ему",
    "ому",
    "ым",
    "ом",
    "ую",
    "ей",
    "его",
    "ья",
    "ье",
    "ьей",
    "ьего",
    "ьему",
    "ью",
)
_DIGITS = re.compile(r"^\d{1,3}$")
_DIGIT_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th|-?й|-?я|-?го|-?м|-?е|-?ю)$")


def cardinal(words: list[str]) -> tuple[int, int] | None:
    """The number the first words stand for and how many words it took, or None."""
    if not words:
        return None
    first = words[0].lower()
    if _DIGITS.match(first):
        return int(first), 1
    for size in (3, 2):
        phrase = " ".join(w.lower() for w in words[:size])
        if len(words) >= size and phrase in _EN_UNITS:
            return _EN_UNITS[phrase], size
    return _english_cardinal(words) or _russian_cardinal(words)


def _english_cardinal(words: list[str]) -> tuple[int, int] | None:
    first = words[0].lower()
    if len(words) > 1 and words[1].lower() == "dozen" and first in _EN_UNITS:
        return _EN_UNITS[first] * 12, 2
    parts = first.split("-")
    if parts[0] in _EN_TENS:
        unit = _EN_UNITS.get(parts[1], 0) if len(parts) == 2 else 0
        return _EN_TENS[parts[0]] + unit, 1
    if first in _EN_UNITS:
        return _EN_UNITS[first], 1
    return None


def _russian_cardinal(words: list[str]) -> tuple[int, int] | None:
    first = words[0].lower()
    for stem, value in _RU_TENS:
        if first.startswith(stem):
            unit = _russian_unit(words[1].lower()) if len(words) > 1 else None
            return (value + unit, 2) if unit and unit < 10 else (value, 1)
    unit = _russian_unit(first)
    return (unit, 1) if unit else None


def _russian_unit(word: str) -> int | None:
    if word.endswith(_RU_ORD_ENDINGS) and not word.startswith(("одн", "дв", "тр")):
        return None
    for stem, value in _RU_UNITS:
        if word.startswith(stem) and len(word) - len(stem) <= 3:
            return value
    return None


def ordinal(words: list[str]) -> tuple[int, int] | None:
    """The ordinal the first words stand for ("35th", "thirty-fifth", "35-й",
    "тридцать пятый") and how many words it took, or None."""
    if not words:
        return None
    first = words[0].lower()
    match = _DIGIT_ORDINAL.match(first)
    if match:
        return int(match.group(1)), 1
    parts = first.split("-")
    if len(parts) == 2 and parts[0] in _EN_TENS and parts[1] in _EN_ORD_UNITS:
        return _EN_TENS[parts[0]] + _EN_ORD_UNITS[parts[1]], 1
    if first in _EN_ORD_UNITS:
        return _EN_ORD_UNITS[first], 1
    if first in _EN_ORD_TENS:
        return _EN_ORD_TENS[first], 1
    return _russian_ordinal(words)


def _russian_ordinal(words: list[str]) -> tuple[int, int] | None:
    first = words[0].lower()
    for stem, value in _RU_TENS:
        if first.startswith(stem) and len(words) > 1:
            unit = _russian_ordinal_word(words[1].lower(), _RU_ORD)
            if unit and unit < 10:
                return value + unit, 2
    for table in (_RU_ORD_TENS, _RU_ORD):
        found = _russian_ordinal_word(first, table)
        if found:
            return found, 1
    return None


def _russian_ordinal_word(word: str, table: tuple[tuple[str, int], ...]) -> int | None:
    for stem, value in table:
        rest = word[len(stem) :]
        if word.startswith(stem) and (
            rest in _RU_ORD_ENDINGS or rest.lstrip("ь") in _RU_ORD_ENDINGS
        ):
            return value
    return None
