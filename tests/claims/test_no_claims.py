"""Numbers in news about visits that are not figures about visits: trade, casualties, dates,
ages, votes, anniversaries, delegations, durations. Each text must yield no claim."""

from __future__ import annotations

import pytest

import diplotrack as dt
from tests.claims.helpers import claims, figure

ENGLISH = [
    pytest.param(
        "Trade between Russia and Kazakhstan reached 28 billion dollars last year, Putin "
        "said during his visit.",
        id="en-trade-figure",
    ),
    pytest.param(
        "During Putin's visit to Astana, the two sides signed 12 agreements worth 5 billion "
        "dollars.",
        id="en-agreements-signed",
    ),
    pytest.param(
        "The strike killed 35 people hours before Putin's visit to Minsk.",
        id="en-casualty-count",
    ),
    pytest.param(
        "Putin visited Astana on 27 November 2024 and left on 28 November.",
        id="en-dates",
    ),
    pytest.param(
        "The 72-year-old Putin visited Astana in November.",
        id="en-age-adjective",
    ),
    pytest.param(
        "Putin, 72, visited Astana on Wednesday.",
        id="en-age-apposition",
    ),
    pytest.param(
        "Tokayev won 81 percent of the vote before his visit to Russia.",
        id="en-vote-count",
    ),
    pytest.param(
        "Putin's visit marks the 35th anniversary of diplomatic relations with Kazakhstan.",
        id="en-35th-anniversary",
    ),
    pytest.param("Three ministers visited Astana with Putin.", id="en-three-ministers-visited"),
    pytest.param("Putin's trip to Kazakhstan lasted three days.", id="en-duration"),
    pytest.param("Putin's 12-hour visit to Astana ends on Wednesday.", id="en-12-hour-visit"),
    pytest.param(
        "Around 3,000 people attended the summit during Putin's visit to Astana.",
        id="en-attendance",
    ),
    pytest.param(
        "Putin's motorcade made three stops in Astana during the visit.",
        id="en-motorcade-stops",
    ),
    pytest.param(
        "Putin and Tokayev have met 14 times since the start of the war, most recently "
        "during Putin's visit to Astana.",
        id="en-meetings-are-not-visits",
    ),
]

RUSSIAN = [
    pytest.param(
        "Товарооборот между Россией и Казахстаном в прошлом году достиг 28 миллиардов "
        "долларов, сообщил Путин во время визита.",
        id="ru-trade-figure",
    ),
    pytest.param(
        "Во время визита Путина в Астану стороны подписали 12 соглашений на 5 миллиардов долларов.",
        id="ru-agreements-signed",
    ),
    pytest.param(
        "Накануне визита Путина в Минск удар унёс жизни 35 человек.",
        id="ru-casualty-count",
    ),
    pytest.param("Путин прилетит в Астану 28 мая и пробудет там до 29 мая.", id="ru-dates"),
    pytest.param("72-летний Путин посетил Астану в ноябре.", id="ru-age-adjective"),
    pytest.param(
        "Путину исполнилось 72 года незадолго до визита в Астану.",
        id="ru-age-years",
    ),
    pytest.param(
        "Токаев набрал 81 процент голосов, а затем посетил Россию.",
        id="ru-vote-count",
    ),
    pytest.param(
        "Визит Путина в Астану приурочен к 35-летию установления дипломатических отношений.",
        id="ru-35th-anniversary",
    ),
    pytest.param("Три министра посетили Астану вместе с Путиным.", id="ru-three-ministers"),
    pytest.param("Визит Путина в Казахстан продлится три дня.", id="ru-duration"),
    pytest.param(
        "Во время визита в Астану Путин отметил, что товарооборот вырос в три раза.",
        id="ru-trade-grew-threefold",
    ),
    pytest.param(
        "Путин и Токаев встречались 14 раз с начала войны, в последний раз во время визита "
        "Путина в Астану.",
        id="ru-meetings-are-not-visits",
    ),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_en_number_that_is_not_a_visit_figure_yields_no_claim(world: dt.Record, text: str) -> None:
    found = claims(world, text)
    assert found == [], [figure(text, c) for c in found]


@pytest.mark.parametrize("text", RUSSIAN)
def test_ru_number_that_is_not_a_visit_figure_yields_no_claim(world: dt.Record, text: str) -> None:
    found = claims(world, text)
    assert found == [], [figure(text, c) for c in found]


def test_en_paragraph_without_visit_figures_yields_no_claims(world: dt.Record) -> None:
    text = (
        "ASTANA, May 27 (Reuters) - Vladimir Putin, 72, flies to Kazakhstan on Wednesday "
        "for a two-day state visit, his office said. Trade between the two countries rose 8% "
        "to $28.5 billion last year, and some 2,000 Kazakh students study in Russia.\n\n"
        "Kassym-Jomart Tokayev, who won re-election in 2022 with 81.3% of the vote, will host "
        "talks on the 33rd anniversary of diplomatic ties."
    )
    assert claims(world, text) == []


def test_ru_paragraph_without_visit_figures_yields_no_claims(world: dt.Record) -> None:
    text = (
        "АСТАНА, 27 мая — Владимир Путин в среду прилетит в Казахстан с двухдневным "
        "государственным визитом, сообщили в Кремле. Товарооборот двух стран в прошлом году "
        "вырос на 8% и достиг 28,5 миллиарда долларов.\n\n"
        "Касым-Жомарт Токаев, переизбранный в 2022 году с 81,3% голосов, проведёт переговоры "
        "в 33-ю годовщину установления дипломатических отношений."
    )
    assert claims(world, text) == []
