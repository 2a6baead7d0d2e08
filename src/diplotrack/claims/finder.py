"""Find figures about visits in a sentence: counts, ordinals, superlatives, and the window
("since the war began", "this year") a sentence states."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from diplotrack.claims import patterns as p
from diplotrack.claims.events import find_event
from diplotrack.claims.numerals import cardinal, ordinal
from diplotrack.claims.text import Sentence, Word

_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Window:
    since: str | None
    until: str | None
    label: str
    source: str | None = None
    at: int = 0  # where the sentence states it: figures before it keep the earlier window


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure about visits, before its leader and place are known."""

    kind: str  # count | ordinal | superlative
    start: int
    end: int
    first_word: int
    number: int | None = None
    bound: str = "exact"
    office: str | None = None
    last_word: int = -1


def visit_context(sentence: Sentence) -> bool:
    folded = sentence.text.casefold()
    return any(stem in folded for stem in p.VISIT_STEMS)


def figures(sentence: Sentence, continuing: bool) -> list[Figure]:
    """Every figure in a sentence; ``continuing`` is True when the sentence follows one
    about visits in the same paragraph (so "three as prime minister" still counts)."""
    about_visits = visit_context(sentence) or continuing
    words = sentence.words
    found: list[Figure] = []
    i = 0
    while i < len(words):
        figure, used = _figure_at(sentence, i, about_visits)
        if figure is not None:
            found.append(figure)
        i += max(used, 1)
    found.extend(_superlatives(sentence))
    office = leading_office(sentence)
    return sorted((_finish(f, words, office) for f in found), key=lambda f: f.start)


def _finish(figure: Figure, words: tuple[Word, ...], office: str | None) -> Figure:
    last = max((k for k, w in enumerate(words) if w.start < figure.end), default=0)
    kept = figure.office or (office if figure.kind == "count" else None)
    return replace(figure, last_word=last, office=kept)


def leading_office(sentence: Sentence) -> str | None:
    """An office stated at the head of a sentence applies to its figures: "As president,
    Putin has visited Belarus 20 times"."""
    head = " ".join(w.lower for w in sentence.words[:4])
    for marker in p.LEADING_OFFICE:
        if head.startswith(marker + " "):
            rest = head[len(marker) + 1 :]
            for word, title in p.OFFICE_WORDS:
                if _starts_with_stems(rest, word):
                    return title
    return None


def _figure_at(sentence: Sentence, i: int, about_visits: bool) -> tuple[Figure | None, int]:
    words = sentence.words
    ahead = [w.text for w in words[i : i + 3]]
    ordinal_found = ordinal(ahead)
    if ordinal_found is not None:
        value, size = ordinal_found
        noun = _next_matching(words, i + size, p.VISIT_NOUNS, 2)
        if noun is not None:
            return Figure("ordinal", words[i].start, words[noun].end, i, value), noun - i + 1
        then = words[i + size].lower if i + size < len(words) else ""
        last = i + size - 1
        if about_visits and then.startswith(p.ORDINAL_TIME):
            return Figure("ordinal", words[i].start, words[i + size].end, i, value), size + 1
        placed = then in ("to", "in", "в", "во") or (not then and _possessive_before(words, i))
        if about_visits and placed and _plausible_ordinal(words[i]):
            return Figure("ordinal", words[i].start, words[last].end, i, value), size
    if words[i].lower in p.DOZENS:
        unit = next(
            (j for j in range(i + 1, min(i + 3, len(words))) if _is_unit(words[j].lower)), None
        )
        if unit is not None and about_visits:
            return Figure("count", words[i].start, words[unit].end, i, None, "dozens"), 2
    number = cardinal(ahead)
    if number is None:
        return None, 1
    value, size = number
    return _count(words, i, size, value, about_visits, sentence)


def _possessive_before(words: tuple[Word, ...], i: int) -> bool:
    return i > 0 and words[i - 1].lower in ("his", "her", "its", "their", "его", "её", "ее")


def _plausible_ordinal(word: Word) -> bool:
    """A digit ordinal ("35th") or one above "second" ("first to" is rarely a count)."""
    return word.text[:1].isdigit() or word.lower not in ("first", "second", "первый", "второй")


def _count(
    words: tuple[Word, ...], i: int, size: int, value: int, about_visits: bool, sentence: Sentence
) -> tuple[Figure | None, int]:
    after = i + size
    unit = _unit_at(words, after, sentence)
    adverbial = words[i].lower in p.ADVERBIAL
    office, office_end = _office_after(words, (unit if unit is not None else after - 1) + 1)
    if unit is None and not adverbial and office is None:
        return None, size
    if office is None and _multiplier(words, i, unit):
        return None, size
    clause = _clause(sentence, words, i, unit if unit is not None else after - 1)
    if any(stem in clause for stem in p.MEETING_STEMS):
        return None, size
    named = unit is not None and _names_visits(words[unit].lower)
    if not (named or about_visits or any(stem in clause for stem in p.VISIT_STEMS)):
        return None, size
    end_word = max(x for x in (unit, office_end, i + size - 1) if x is not None)
    bound = _bound_before(words, i)
    figure = Figure("count", words[i].start, words[end_word].end, i, value, bound, office)
    return figure, end_word - i + 1


def _unit_at(words: tuple[Word, ...], j: int, sentence: Sentence) -> int | None:
    """The unit right after a number, with nothing but spaces between ("72, visited" is
    an age)."""
    if j >= len(words):
        return None
    gap = sentence.text[words[j - 1].end - sentence.start : words[j].start - sentence.start]
    if gap.strip():
        return None
    return j if _is_unit(words[j].lower) else None


def _is_unit(word: str) -> bool:
    return word in p.COUNT_UNITS_EN or word.startswith(p.COUNT_UNITS)


def _multiplier(words: tuple[Word, ...], i: int, unit: int | None) -> bool:
    """ "three times more", "в три раза больше": a ratio, not a count."""
    if unit is None or words[unit].lower not in p.TIMES:
        return False
    before = words[i - 1].lower if i > 0 else ""
    after = words[unit + 1].lower if unit + 1 < len(words) else ""
    return before in ("в", "во") or after in p.MULTIPLIER_AFTER


def _clause(sentence: Sentence, words: tuple[Word, ...], first: int, last: int) -> str:
    """The clause around a figure: from the last comma, colon or semicolon before it."""
    left = words[first].start - sentence.start
    start = max(sentence.text.rfind(mark, 0, left) for mark in ",;:")
    return sentence.text[start + 1 : words[last].end - sentence.start].casefold()


def _names_visits(unit: str) -> bool:
    return unit.startswith(p.VISIT_NOUNS)


def _next_matching(
    words: tuple[Word, ...], start: int, stems: tuple[str, ...], reach: int
) -> int | None:
    for j in range(start, min(start + reach, len(words))):
        if words[j].lower.startswith(stems):
            return j
    return None


def _office_after(words: tuple[Word, ...], start: int) -> tuple[str | None, int | None]:
    """ "as president" / "в качестве президента" right after the figure."""
    text = " ".join(w.lower for w in words[start : start + 5])
    for marker in p.OFFICE_MARKERS:
        if not text.startswith(marker + " "):
            continue
        rest = text[len(marker) + 1 :]
        for word, title in p.OFFICE_WORDS:
            if _starts_with_stems(rest, word):
                used = len(marker.split()) + len(word.split())
                return title, start + used - 1
    return None, None


def _starts_with_stems(text: str, phrase: str) -> bool:
    words = text.split()
    stems = phrase.split()
    return len(words) >= len(stems) and all(
        w.startswith(s) for w, s in zip(words, stems, strict=False)
    )


def _bound_before(words: tuple[Word, ...], i: int) -> str:
    for size in (2, 1):
        if i - size >= 0:
            phrase = " ".join(w.lower for w in words[i - size : i])
            if phrase in p.BOUNDS:
                return p.BOUNDS[phrase]
    return "exact"


def _superlatives(sentence: Sentence) -> list[Figure]:
    folded = sentence.text.casefold()
    for phrase in p.SUPERLATIVES:
        at = folded.find(phrase)
        if at >= 0:
            start = sentence.start + at
            index = next((k for k, w in enumerate(sentence.words) if w.start >= start), 0)
            return [Figure("superlative", start, start + len(phrase), index)]
    return []


def window_in(sentence: Sentence, published: dt.date) -> Window | None:
    """The window a sentence states: "since the war began", "since 2019", "this year",
    "in 2023", "since taking office" (resolved later against the leader's tenure), or
    "in all" (no window)."""
    folded = sentence.text.casefold()
    for phrase in p.ALL_TIME:
        if folded.startswith(phrase + " ") or folded.startswith(phrase + ","):
            return Window(None, None, "all time", "all", sentence.start)
    for phrase in p.THIS_YEAR:
        if phrase in folded:
            at = sentence.start + folded.index(phrase)
            return Window(f"{published.year}-01-01", None, phrase, None, at)
    for phrase in p.LAST_YEAR:
        if phrase in folded:
            year = published.year - 1
            at = sentence.start + folded.index(phrase)
            return Window(f"{year}-01-01", f"{year}-12-31", phrase, None, at)
    return _since(sentence) or _in_year(sentence)


def _since(sentence: Sentence) -> Window | None:
    words = sentence.words
    for k, word in enumerate(words):
        if word.lower not in p.SINCE:
            continue
        rest = sentence.text[word.end - sentence.start :].strip().casefold()
        for phrase in p.TAKING_OFFICE:
            if rest.startswith(phrase) or rest.startswith("the " + phrase):
                return Window(None, None, f"since {phrase}", "office", word.start)
        event = find_event(rest)
        if event is not None:
            found, alias = event
            return Window(found.date, None, f"since {alias}", found.id, word.start)
        if k + 1 < len(words) and _YEAR.match(words[k + 1].text):
            year = words[k + 1].text
            return Window(f"{year}-01-01", None, f"since {year}", "year", word.start)
    return None


def _in_year(sentence: Sentence) -> Window | None:
    words = sentence.words
    for k, word in enumerate(words[:-1]):
        if word.lower in ("in", "в", "во") and _YEAR.match(words[k + 1].text):
            year = words[k + 1].text
            return Window(f"{year}-01-01", f"{year}-12-31", f"in {year}", "in-year", word.start)
    return None
