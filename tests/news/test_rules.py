"""The prefilter (``rules.worth_reading``) must let through every paragraph that a travel
rule could read: it only drops text that no rule would match."""

from __future__ import annotations

import pytest

from diplotrack.news.rules import worth_reading


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
