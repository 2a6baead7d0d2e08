"""The cheap gates of extraction: which sentences are parsed at all. Text that cannot tell
of a leader's trip is passed over without a parse; these tests check that such text is
recognised, and that text which can tell of a trip is still read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import diplotrack as dt
from diplotrack.claims.text import sentence_spans
from diplotrack.news.article import article, digest
from diplotrack.news.extract import Extractor, _stems, _travel_sentences
from diplotrack.news.rules import host_only, rules


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Extractor]:
    path: Path = tmp_path_factory.mktemp("gate") / "record.sqlite"
    with dt.open(str(path)) as record:
        yield Extractor(record)


def _travel(extractor: Extractor, text: str, lang: str) -> list[str]:
    spans = sentence_spans(text)
    found = _travel_sentences(
        text, text.casefold(), spans, lang, lambda a, b: extractor._leaders_named(text[a:b])
    )
    return [text[spans[k][0] : spans[k][1]] for k in found]


@pytest.mark.parametrize(
    ("word", "stems"),
    [
        ("путиным", ("путиным", "путин")),
        ("токаева", ("токаева", "токаев")),
        ("putin's", ("putin's", "putin")),
        ("минск", ("минск",)),
        ("baku", ("baku",)),
    ],
)
def test_a_surname_loses_only_real_endings(word: str, stems: tuple[str, ...]) -> None:
    assert _stems(word) == stems


def test_a_place_is_not_taken_for_a_surname_by_cutting_it_short(extractor: Extractor) -> None:
    # "Минск" cut by two letters was "Мин", and "bookings" held "king".
    assert not extractor._leaders_named("Авиакомпания возобновит рейсы в Минск.")
    assert not extractor._leaders_named("Hotel bookings for the spring holidays rose.")
    assert extractor._leaders_named("Переговоры с Путиным продлились три часа.")
    assert extractor._leaders_named("Putin's plane landed at noon.")


@pytest.mark.parametrize(
    "text",
    [
        "Orbán's plane landed at noon.",  # the registry keys names without marks
        "Erdoğan spoke first.",
        "Vučić stayed an hour.",
        "Lee Myung-bak spoke first.",  # the name's last word is "bak"
    ],
)
def test_a_surname_with_marks_or_a_hyphen_is_a_leaders(extractor: Extractor, text: str) -> None:
    assert extractor._leaders_named(text)
    assert extractor._leader_marks(text, text.casefold())


def test_where_a_text_names_leaders_is_found_once_for_the_whole_text(
    extractor: Extractor,
) -> None:
    text = "Hotel bookings rose. Переговоры с Путиным продлились. The President spoke."
    marks = extractor._leader_marks(text, text.casefold())
    assert marks == [text.index("Путиным"), text.index("President")]
    sentences = [text[a:b] for a, b, _p in sentence_spans(text)]
    assert [extractor._leaders_named(s) for s in sentences] == [False, True, True]
    assert extractor._leader_marks("Straße", "strasse") is None  # offsets would not agree
    assert extractor._surname_words["Путиным"] and not extractor._surname_words["Hotel"]


def test_host_verbs_are_told_from_other_travel_phrases() -> None:
    assert host_only("ru", "принял")
    assert host_only("en", "welcomed")
    assert not host_only("ru", "прибыл")
    assert not host_only("en", "arrived")


def test_visitors_of_a_museum_are_no_visit() -> None:
    # "посетит" (will visit) is the stem of "посетителей" (visitors).
    hits = rules("ru").find("музей ждет более 8 тысяч посетителей, он посетит пекин.")
    assert [(h.role, h.pattern) for h in hits] == [("go", "посетит"), ("plan", "посетит")]
    assert hits[0].start == hits[1].start > 40


@pytest.mark.parametrize(
    ("text", "lang", "read"),
    [
        # A host's verb with nobody after it to be the guest.
        ("Парламент принял поправки во втором чтении. Депутаты разошлись.", "ru", []),
        # The same verb with a guest.
        ("Путин принял Токаева в Кремле.", "ru", ["Путин принял Токаева в Кремле."]),
        ("Путин принял его в Кремле.", "ru", ["Путин принял его в Кремле."]),
        # An official who is not a leader, in a sentence naming no leader.
        ("The foreign minister travelled to Minsk for talks with his counterpart.", "en", []),
        ("Министр иностранных дел прибыл в Ташкент на встречу с коллегой.", "ru", []),
        # A prime minister is a leader; so is a leader named beside the minister.
        (
            "Prime Minister Modi travelled to Minsk.",
            "en",
            ["Prime Minister Modi travelled to Minsk."],
        ),
        (
            "Премьер-министр Пашинян прибыл в Минск.",
            "ru",
            ["Премьер-министр Пашинян прибыл в Минск."],
        ),
        (
            "The foreign minister travelled to Minsk with President Tokayev.",
            "en",
            ["The foreign minister travelled to Minsk with President Tokayev."],
        ),
    ],
)
def test_travel_sentences_that_cannot_tell_of_a_leaders_trip_are_not_read(
    extractor: Extractor, text: str, lang: str, read: list[str]
) -> None:
    assert rules(lang).travel.search(text.casefold()) is not None
    assert _travel(extractor, text, lang) == read


def test_a_leader_beside_a_passed_over_sentence_still_travels(extractor: Extractor) -> None:
    text = (
        "Министр иностранных дел прибыл в Ташкент накануне. "
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Ташкент 12 марта."
    )
    trips = extractor.record.extract(text, "2024-03-13", "ru")
    assert [(t.leader_id, t.host_country, t.start_date) for t in trips] == [
        ("kassym-jomart-tokayev", "UZB", "2024-03-12")
    ]


def test_reading_one_text_skips_the_content_hash_ingest_needs() -> None:
    text = "Putin arrived in Astana."
    assert article(text, published="2024-01-01").digest == digest(text)
    assert article(text, published="2024-01-01", hashed=False).digest == ""
