"""`AnchoredPattern` finds exactly what the pattern it stands for finds: the same matches,
in the same order, over the labelled corpus, over made-up strings of rule words, and for
each way an alternative can begin (literal text, a lookbehind, optional words, nothing
fixed at all)."""

from __future__ import annotations

import doctest
import json
import random
import re
from pathlib import Path

import pytest

from diplotrack.news import anchors
from diplotrack.news.anchors import AnchoredPattern, beginnings, inner_beginnings, lookbehinds
from diplotrack.news.rules import _PREFILTER, LANGUAGES, rules

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "news"


def _spans(pattern: re.Pattern[str] | AnchoredPattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _corpus_texts() -> list[str]:
    return [
        json.loads(line)["text"].casefold()
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(anchors).failed == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_travel_scan_finds_what_the_travel_pattern_finds_in_the_corpus(lang: str) -> None:
    travel = rules(lang).travel
    scan = rules(lang).scan
    texts = _corpus_texts()
    found = [_spans(scan, text) for text in texts]
    assert found == [_spans(travel, text) for text in texts]
    assert sum(map(len, found)) > 1000  # the corpus does exercise it


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_travel_scan_agrees_on_made_up_strings_of_rule_words(lang: str) -> None:
    words = RULE_WORDS.split(" ")
    chooser = random.Random(4)
    travel, scan = rules(lang).travel, rules(lang).scan
    for _ in range(400):
        text = " ".join(chooser.choice(words) for _ in range(chooser.randint(1, 40)))
        assert _spans(scan, text) == _spans(travel, text), text


RULE_WORDS = (
    "arrived in visit visits visited by to in of the a his her 's ’s state official "
    "two-day trip tour journey stay stopover talks held was is were are be been due "
    "landed plane reached agreement on flew from paris moscow — в во на и а затем "
    "прибыл прилетел посетил визит находится с переговоры принял встретил президент "
    "путин . , ! ? \n"
)


def test_the_prefilter_scan_says_what_a_search_says() -> None:
    scan = AnchoredPattern(_PREFILTER)
    for text in [*_corpus_texts()[:400], "", "nothing here", "подписали  в ", "he met x"]:
        assert scan.found_in(text) == (_PREFILTER.search(text) is not None), text


def test_an_alternative_begins_with_its_literal_text() -> None:
    is_in = {"is in", "is now i", "was in", "was now "}  # eight characters at most
    assert beginnings(r"(?<!\w)(?:is|was) (?:now )?in\b") == is_in
    assert beginnings(r"(?=land)(?<!plane )land(?:ed|s)? in") == {"landed i", "lands in", "land in"}
    assert beginnings(r"visit(?:ed|s)?") == {"visit", "visited", "visits"}
    assert beginnings(r"[ap]rriv") == {"arriv", "prriv"}


def test_what_cannot_be_looked_for_by_its_beginning() -> None:
    assert beginnings(r"\w+ visit") is None  # any word at all
    assert beginnings(r"(?:a|b)x?") is None  # one letter begins too much
    assert beginnings(r"(?i:visit)") is None  # case-blind: its text is not fixed
    assert beginnings(r"—\s+в") == {"—"}  # one rare sign is enough


def test_a_lookbehind_of_fixed_text_anchors_what_follows_it() -> None:
    assert lookbehinds(r"(?<!\w)(?:(?<=['’]s )(?:[\w-]+ ){0,2}visit\b)") == {"'s ", "’s "}
    assert lookbehinds(r"(?<=\w)visit") is None
    pattern = re.compile(r"(?<!\w)(?:(?:(?<=['’]s )(?:[\w-]+ ){0,2}(?:visit|trip)\b))")
    text = "the king's state visit and the premier’s trip; a visit by nobody's"
    assert _spans(AnchoredPattern(pattern), text) == _spans(pattern, text)
    assert len(_spans(pattern, text)) == 2


def test_optional_words_before_fixed_text_are_looked_for_around_it() -> None:
    source = r"(?<!\w)(?:(?:state |\w+ )?(?:visit|trip)s? (?:to|in)\b)"
    assert inner_beginnings(source) == {
        "visit to",
        "visit in",
        "visits to",
        "visits in",
        "trip to",
        "trip in",
        "trips to",
        "trips in",
    }
    pattern = re.compile(source)
    text = "a state visit to oslo, his trips in asia and a two-day visit in riga"
    assert _spans(AnchoredPattern(pattern), text) == _spans(pattern, text)
    assert [text[a:b] for a, b in _spans(pattern, text)] == [
        "state visit to",
        "his trips in",
        "day visit in",
    ]


def test_a_pattern_with_nothing_fixed_is_still_found() -> None:
    pattern = re.compile(r"(?<!\w)(?:(?:\d+ visits)|(?:\w+ed to))")
    scan = AnchoredPattern(pattern)
    text = "12 visits, then he travelled to Rome and moved to Oslo"
    assert _spans(scan, text) == _spans(pattern, text) == [(0, 9), (19, 31), (41, 49)]
    assert scan.found_in(text) and not scan.found_in("nothing")
