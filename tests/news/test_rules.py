"""The prefilter (``rules.worth_reading``) must let through every paragraph that a travel
rule could read: it only drops text that no rule would match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplotrack.claims.text import sentence_spans
from diplotrack.news.extract import _bare_dash
from diplotrack.news.rules import Hit, rules, worth_reading


@pytest.mark.parametrize(
    "sentence",
    [
        "Виктор Орбан 2 июля приехал в Киев.",
        "Он приезжал в Минск трижды.",
        "Глава правительства поехал в Баку.",
        "Затем он съездил в Ереван.",
        "Президент вернулся в Ашхабад.",
        "Премьер бывал в Душанбе.",
        "Лидеры были на церемонии в Астане.",
        "Он выступил в бундестаге.",
        "Президент возложил цветы в Софии.",
        "Лидер ожидается в Ташкенте.",
        "The president went to Ottawa.",
        "The chancellor came to Vienna.",
        "The prime minister stopped in Doha.",
        "The king took part in the ceremony in Oslo.",
        "The premier addressed parliament in Canberra.",
        "The president turned up in Kyiv.",
        "She spent two days in Hanoi.",
        "The president laid a wreath in Hanoi.",
        "The emir was among the guests in Paris.",
        "The president had an audience with the pope at the Vatican.",
        "Президент провёл три дня во Франции.",
    ],
)
def test_every_travel_phrase_passes_the_prefilter(sentence: str) -> None:
    assert worth_reading(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Парламент обсудил бюджет на следующий год.", "Shares rose sharply in early trading."],
)
def test_text_without_a_travel_word_is_dropped(sentence: str) -> None:
    assert not worth_reading(sentence)


def test_no_development_sentence_a_rule_reads_is_dropped_by_the_prefilter() -> None:
    # The prefilter runs first and must never drop what the travel rules would read: every
    # sentence of the development texts with a travel phrase passes it on its own.
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "news"
    dropped = []
    for path in sorted(corpus.glob("dev*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            text = row["text"]
            for a, b, _p in sentence_spans(text):
                sentence = text[a:b]
                found = [
                    m
                    for m in rules(row["language"]).travel.finditer(sentence.casefold())
                    if not _bare_dash(Hit("go", m.start(), m.end(), m.group()), sentence)
                ]  # a dash with no "а"/"и" before it is no travel phrase to the extractor
                if found and not worth_reading(sentence):
                    dropped.append((row["id"], found[0].group()))
    assert dropped == []
