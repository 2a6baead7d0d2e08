# ruff: noqa: E501 - the date patterns read best unbroken
"""Dates in news text, English and Russian: absolute ("12 March 2019"), partial ("in May
2019", "в 2017 году"), ranges ("May 10-11", "с 3 по 5 июня") and relative to the publication
date ("on Wednesday", "next month", "last October", "в среду", "вчера").

A relative date can point back or forward ("on Wednesday" in a report is the last Wednesday, in
an announcement the next one), so each found date carries both readings; the extractor picks
one by the trip's status.

    >>> import datetime as dt
    >>> [d.past for d in find_dates("He arrived on May 10-11.", dt.date(2024, 11, 27))]
    [('2024-05-10', '2024-05-11')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

Span = tuple[str | None, str | None]

MONTHS_EN = {
    name: k
    for k, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_RU_STEMS = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
)  # fmt: skip
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS_RU = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")

_EN_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_RU_MONTH = r"(январ[яеь]|феврал[яеь]|марта?|марте|апрел[яеь]|ма[яей]|июн[яеь]|июл[яеь]|августа?|августе|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINALS = _ORDINAL_WORDS.split()
_ORDINALS += [f"twenty-{o}" for o in _ORDINALS[:9]] + ["thirtieth", "thirty-first"]
_ORDINAL_DAY = "(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")"
_DASH = r"\s*(?:-|–|—|to|and|through|until|по|и)\s*"
_YEAR = r"((?:19|20)\d\d)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"),
        (
            "en_dmdmy",
            rf"\b(?:from |between )?{_DAY}\s+{_EN_MONTH}{_DASH}{_DAY}\s+{_EN_MONTH}(?:,?\s+{_YEAR})?\b",
        ),
        (
            "en_dmy",
            rf"\b(?:from |between )?{_DAY}(?:{_DASH}{_DAY})?\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+{_YEAR})?\b",
        ),
        (
            "en_ordinal_dmy",
            rf"\b(?:on\s+)?the\s+{_ORDINAL_DAY}\s+of\s+{_EN_MONTH}(?:,?\s+{_YEAR})?\b",
        ),
        (
            "en_mdy",
            rf"\b(?:from |between )?{_EN_MONTH}\s+{_DAY}(?:{_DASH}{_DAY})?(?:,?\s+{_YEAR})?\b",
        ),
        (
            "en_my",
            rf"\b(?:in |early |late |mid-|mid |the end of |the start of |the beginning of )?{_EN_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})\b",
        ),
        ("en_month_last_year", rf"\b(?:in\s+)?{_EN_MONTH}\s+(last|next|this)\s+year\b"),
        (
            "en_rel_month",
            r"\b(last|next|this|earlier this|later this|early next|late last)\s+(january|february|march|april|may|june|july|august|september|october|november|december|month|year|week|spring|summer|autumn|fall|winter)\b",
        ),
        (
            "en_in_month",
            rf"\b(?:in|since|during|until|by|early|late|mid-|end of|start of|beginning of)\s+(?:early\s+|late\s+|mid-)?{_EN_MONTH}(?![\w-])",
        ),
        (
            "en_year",
            rf"\b(?:in|since|during|until|by|of|back in|early|late|mid-|summer|spring|autumn|fall|winter|for)\s+(?:early\s+|late\s+|mid-)?{_YEAR}\b(?!-)",
        ),
        (
            "en_day_word",
            r"\b(yesterday|today|tomorrow|tonight|this morning|this afternoon|this evening|last night)\b",
        ),
        (
            "en_weekday",
            r"\b(?:(last|next|this|on|on the|late on|early on|by)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        ),
        (
            "ru_dmdmy",
            rf"(?<!\w)(?:с\s+)?{_DAY}\s+{_RU_MONTH}{_DASH}{_DAY}\s+{_RU_MONTH}(?:\s+{_YEAR}\s*(?:года|г\.|г\b)?)?",
        ),
        (
            "ru_dmy",
            rf"(?<!\w)(?:с\s+)?{_DAY}(?:{_DASH}{_DAY})?\s+{_RU_MONTH}(?:\s+{_YEAR}\s*(?:года|г\.|г\b)?)?",
        ),
        (
            "ru_my",
            rf"(?<!\w)(?:в|во|к|с|до|на|начале|конце|середине)\s+{_RU_MONTH}\s+(?:(прошлого|следующего|этого|текущего|будущего)\s+года|{_YEAR}\s*(?:года|г\.|г\b)?)",
        ),
        (
            "ru_year",
            rf"(?<!\w)(?:в|во|с|до|к|на|летом|весной|осенью|зимой|начале|конце|середине)\s+{_YEAR}\s*(?:году|года|г\.|г\b|-м|м)",
        ),
        (
            "ru_rel",
            r"(?<!\w)(?:в|на)\s+(прошлом|следующем|этом|текущем|будущем|прошлой|следующей|этой|будущей|текущей)\s+(году|месяце|неделе)",
        ),
        ("ru_in_month", rf"(?<!\w)(?:в|во|к|с|до|на|начале|конце|середине)\s+{_RU_MONTH}(?!\w)"),
        ("ru_day_word", r"(?<!\w)(вчера|сегодня|завтра|послезавтра|позавчера|накануне)(?!\w)"),
        (
            "ru_weekday",
            r"(?<!\w)(?:в|во)\s+(?:(прошл\w+|следующ\w+|эт\w+|ближайш\w+)\s+)?(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?!\w)",
        ),
        (
            "ru_weekday",  # "с вечера среды", "до пятницы", "утром вторника"
            r"(?:(?<!\w)(?:с|со|утра|вечера|ночи|утром|вечером)\s+|(?<=до\s))(?:(прошл\w+|следующ\w+|эт\w+)\s+)?(?:вечера\s+|утра\s+|ночи\s+)?(понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)(?!\w)",
        ),
    )
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date expression: its offsets in the searched text and its two readings."""

    start: int
    end: int
    past: Span  # read as before (or on) the publication date
    future: Span  # read as after (or on) it
    relative: bool

    def reading(self, status: str) -> Span:
        return self.future if status == "planned" else self.past


def find_dates(text: str, published: dt.date) -> list[FoundDate]:
    """Every date expression in ``text`` (a sentence), longest first where they overlap."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            date = _READERS[name](match, published)
            if date is not None:
                found.append(date)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _same(match: re.Match[str], span: Span, relative: bool = False) -> FoundDate:
    return FoundDate(match.start(), match.end(), span, span, relative)


def _iso(match: re.Match[str], _published: dt.date) -> FoundDate | None:
    day = _day(int(match[1]), int(match[2]), int(match[3]))
    return None if day is None else _same(match, (day, None))


def _month_en(word: str) -> int:
    return MONTHS_EN[word.casefold().rstrip(".")]


def _month_ru(word: str) -> int:
    folded = word.casefold()
    if folded.startswith("ма") and not folded.startswith("март"):
        return 5
    for k, stem in enumerate(_RU_STEMS, start=1):
        if stem != "ма" and folded.startswith(stem):
            return k
    raise ValueError(word)


def _en_dmy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    return _days(match, published, int(match[1]), match[2], _month_en(match[3]), match[4])


def _en_ordinal_dmy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    """ "on the second of September", "the thirteenth of July 2022"."""
    day = _ORDINALS.index(match[1].casefold()) + 1
    return _days(match, published, day, None, _month_en(match[2]), match[3])


def _en_mdy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    return _days(match, published, int(match[2]), match[3], _month_en(match[1]), match[4])


def _ru_dmy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    return _days(match, published, int(match[1]), match[2], _month_ru(match[3]), match[4])


def _en_dmdmy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    first, last = _month_en(match[2]), _month_en(match[4])
    return _two_months(match, published, (int(match[1]), first), (int(match[3]), last), match[5])


def _ru_dmdmy(match: re.Match[str], published: dt.date) -> FoundDate | None:
    first, last = _month_ru(match[2]), _month_ru(match[4])
    return _two_months(match, published, (int(match[1]), first), (int(match[3]), last), match[5])


def _two_months(
    match: re.Match[str],
    published: dt.date,
    first: tuple[int, int],
    last: tuple[int, int],
    year: str | None,
) -> FoundDate | None:
    if year:
        y = int(year)
        return _pair(match, (y, first[1], first[0]), (y, last[1], last[0]))
    past = _year_for(first[1], published, back=True, day=first[0])
    future = _year_for(first[1], published, back=False, day=first[0])
    a = _span((past, first[1], first[0]), (past, last[1], last[0]))
    b = _span((future, first[1], first[0]), (future, last[1], last[0]))
    return None if a is None or b is None else FoundDate(match.start(), match.end(), a, b, True)


def _pair(
    match: re.Match[str], first: tuple[int, int, int], last: tuple[int, int, int]
) -> FoundDate | None:
    span = _span(first, last)
    return None if span is None else _same(match, span)


def _span(first: tuple[int, int, int], last: tuple[int, int, int]) -> Span | None:
    a, b = _day(*first), _day(*last)
    if a is None or b is None or b < a:
        return None
    return (a, None if a == b else b)


def _days(
    match: re.Match[str],
    published: dt.date,
    day: int,
    to_day: str | None,
    month: int,
    year: str | None,
) -> FoundDate | None:
    end_day = int(to_day) if to_day else day
    if year:
        return _pair(match, (int(year), month, day), (int(year), month, end_day))
    past = _year_for(month, published, back=True, day=day)
    future = _year_for(month, published, back=False, day=day)
    a = _span((past, month, day), (past, month, end_day))
    b = _span((future, month, day), (future, month, end_day))
    return None if a is None or b is None else FoundDate(match.start(), match.end(), a, b, True)


def _year_for(month: int, published: dt.date, *, back: bool, day: int = 0) -> int:
    """The year of a month (and day) named without one: the nearest such date to the
    publication date, leaning back (a report) or forward (an announcement) when far."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day or 15))
        except ValueError:
            continue
    if not options:
        return published.year
    if not day and month == published.month:
        return published.year  # "in May", said in May: this May
    if back:
        slack = 62 if day else 0  # "until 7 October" in a report of a visit under way
        fitting = [d for d in options if (d - published).days <= slack] or options
    else:
        slack = 7 if day else 0
        fitting = [d for d in options if (published - d).days <= slack] or options
    if not day:
        here = dt.date(published.year, month, 1)
        return (
            here.year
            if here in [dt.date(d.year, d.month, 1) for d in fitting]
            else (max(fitting).year if back else min(fitting).year)
        )
    return min(fitting, key=lambda d: abs((d - published).days)).year


def _en_my(match: re.Match[str], _published: dt.date) -> FoundDate | None:
    return _same(match, (f"{int(match[2]):04d}-{_month_en(match[1]):02d}", None))


def _ru_my(match: re.Match[str], published: dt.date) -> FoundDate | None:
    month = _month_ru(match[1])
    if match[3]:
        return _same(match, (f"{int(match[3]):04d}-{month:02d}", None))
    shift = {"прошлого": -1, "следующего": 1, "будущего": 1}.get(match[2].casefold(), 0)
    return _same(match, (f"{published.year + shift:04d}-{month:02d}", None), True)


def _in_month(month: int, match: re.Match[str], published: dt.date) -> FoundDate:
    past = f"{_year_for(month, published, back=True):04d}-{month:02d}"
    future = f"{_year_for(month, published, back=False):04d}-{month:02d}"
    return FoundDate(match.start(), match.end(), (past, None), (future, None), True)


def _en_in_month(match: re.Match[str], published: dt.date) -> FoundDate | None:
    if match[1].casefold() == "may" and not match.group(0).casefold().startswith(("in", "early")):
        return None  # "by May" is a month, "may" alone is rarely one
    return _in_month(_month_en(match[1]), match, published)


def _ru_in_month(match: re.Match[str], published: dt.date) -> FoundDate | None:
    return _in_month(_month_ru(match[1]), match, published)


def _en_year(match: re.Match[str], _published: dt.date) -> FoundDate | None:
    return _same(match, (match[1], None))


def _ru_year(match: re.Match[str], _published: dt.date) -> FoundDate | None:
    return _same(match, (match[1], None))


def _en_month_last_year(match: re.Match[str], published: dt.date) -> FoundDate | None:
    shift = {"last": -1, "next": 1, "this": 0}[match[2].casefold()]
    return _same(match, (f"{published.year + shift:04d}-{_month_en(match[1]):02d}", None), True)


def _en_rel_month(match: re.Match[str], published: dt.date) -> FoundDate | None:
    which, unit = match[1].casefold(), match[2].casefold()
    shift = -1 if which in ("last", "late last") else 1 if which in ("next", "early next") else 0
    if unit in MONTHS_EN:
        month = MONTHS_EN[unit]
        if shift == 0:
            year = published.year
        elif shift < 0:
            year = published.year - 1 if month >= published.month else published.year
        else:
            year = published.year + 1 if month <= published.month else published.year
        return _same(match, (f"{year:04d}-{month:02d}", None), True)
    return _relative_unit(match, published, unit, shift)


def _ru_rel(match: re.Match[str], published: dt.date) -> FoundDate | None:
    which, unit = match[1].casefold(), match[2].casefold()
    shift = -1 if which.startswith("прошл") else 1 if which.startswith(("следующ", "будущ")) else 0
    units = {"году": "year", "месяце": "month", "неделе": "week"}
    return _relative_unit(match, published, units[unit], shift)


def _relative_unit(
    match: re.Match[str], published: dt.date, unit: str, shift: int
) -> FoundDate | None:
    if unit == "year":
        return _same(match, (f"{published.year + shift:04d}", None), True)
    if unit == "month":
        month = published.month + shift
        year = published.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return _same(match, (f"{year:04d}-{month:02d}", None), True)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        sunday = monday + dt.timedelta(days=6)
        lo, hi = monday.isoformat(), sunday.isoformat()
        same = lo[:7] if lo[:7] == hi[:7] else None
        return _same(match, (same, None), True) if same else None
    return None  # seasons: too loose to date a trip


def _day_word(match: re.Match[str], published: dt.date) -> FoundDate | None:
    offsets = {
        "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this morning": 0,
        "this afternoon": 0, "this evening": 0, "last night": -1,
        "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2, "позавчера": -2, "накануне": -1,
    }  # fmt: skip
    day = (published + dt.timedelta(days=offsets[match[1].casefold()])).isoformat()
    return _same(match, (day, None), True)


def _weekday(
    match: re.Match[str], published: dt.date, which: str, weekday: int
) -> FoundDate | None:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    past = published - dt.timedelta(days=back)
    future = published + dt.timedelta(days=ahead)
    if which.startswith(("last", "прошл")):
        past = past if back else published - dt.timedelta(days=7)
        future = past
    elif which.startswith(("next", "следующ", "ближайш")):
        future = future if ahead else published + dt.timedelta(days=7)  # said on that weekday
        past = future
    elif which in ("this", "эт"):
        future = published + dt.timedelta(days=ahead)
    return FoundDate(
        match.start(), match.end(), (past.isoformat(), None), (future.isoformat(), None), True
    )


# "on Thursday and Friday next week", "во вторник на следующей неделе": the week named after
_WEEK_AFTER = re.compile(
    r"(?:\s*(?:,|and|or|to|through|-|–|и|или|по)\s*(?:on\s+|в\s+|во\s+)?"
    r"(?:\w+day|понедельник|вторник|сред[ау]|четверг|пятниц[ау]|суббот[ау]|воскресенье))?\s+"
    r"(?:(next|last|this) week|на (следующей|прошлой|этой) неделе)\b",
    re.IGNORECASE,
)


def _of_week(match: re.Match[str], published: dt.date, weekday: int) -> FoundDate | None:
    after = _WEEK_AFTER.match(match.string, match.end())
    if after is None or len(after.group()) > 40:
        return None
    which = (after[1] or after[2]).casefold()
    shift = 1 if which in ("next", "следующей") else -1 if which in ("last", "прошлой") else 0
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    day = (monday + dt.timedelta(days=weekday)).isoformat()
    return FoundDate(match.start(), match.end(), (day, None), (day, None), True)


def _en_weekday(match: re.Match[str], published: dt.date) -> FoundDate | None:
    which = (match[1] or "").casefold()
    index = WEEKDAYS_EN.index(match[2].casefold())
    plain = which in ("", "on", "on the", "late on", "early on", "by")
    week = _of_week(match, published, index) if plain else None
    return week or _weekday(match, published, which, index)


def _ru_weekday(match: re.Match[str], published: dt.date) -> FoundDate | None:
    which = (match[1] or "").casefold()
    word = match[2].casefold()
    index = next(k for k, stem in enumerate(WEEKDAYS_RU) if word.startswith(stem))
    week = None if which else _of_week(match, published, index)
    return week or _weekday(match, published, "эт" if which.startswith("эт") else which, index)


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


_READERS = {
    "iso": _iso,
    "en_ordinal_dmy": _en_ordinal_dmy,
    "en_dmy": _en_dmy,
    "en_dmdmy": _en_dmdmy,
    "en_mdy": _en_mdy,
    "en_my": _en_my,
    "en_rel_month": _en_rel_month,
    "en_month_last_year": _en_month_last_year,
    "en_in_month": _en_in_month,
    "en_year": _en_year,
    "en_day_word": _day_word,
    "en_weekday": _en_weekday,
    "ru_dmy": _ru_dmy,
    "ru_dmdmy": _ru_dmdmy,
    "ru_my": _ru_my,
    "ru_year": _ru_year,
    "ru_rel": _ru_rel,
    "ru_in_month": _ru_in_month,
    "ru_day_word": _day_word,
    "ru_weekday": _ru_weekday,
}
