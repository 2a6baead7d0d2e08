"""Sentence splitting (``claims.text``): abbreviations do not end a sentence, words that
merely end like one do."""

from __future__ import annotations

import pytest

from diplotrack.claims.text import sentence_spans, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Он ездил в Петербург. Следующий саммит пройдёт в 2026 г. в Африке.",
            ["Он ездил в Петербург.", "Следующий саммит пройдёт в 2026 г. в Африке."],
        ),
        (
            "The talks were in Hamburg. Mr. Smith came. The U.S. said no.",
            ["The talks were in Hamburg.", "Mr. Smith came.", "The U.S. said no."],
        ),
        ("George W. Bush arrived. He left.", ["George W. Bush arrived.", "He left."]),
    ],
)
def test_sentences_end_where_a_reader_ends_them(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b, _p in sentence_spans(text)] == expected
    assert [s.text for s in sentences(text)] == expected
