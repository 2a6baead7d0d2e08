"""Articles written for these tests (not taken from any outlet): one trip reported many
ways in English and Russian, and a few others around it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Narendra Modi in Moscow, 8-9 July 2024, as six articles report it.
MODI_MOSCOW: list[dict[str, Any]] = [
    {
        "url": "http://news.test/en/modi-arrives",
        "published": "2024-07-08",
        "title": "Modi arrives in Moscow",
        "text": "Indian Prime Minister Narendra Modi arrived in Moscow on Monday for a two-day "
        "official visit. He is expected to hold talks with Vladimir Putin on Tuesday.\n\n"
        "Trade between the two countries has grown quickly since 2022, driven by oil.",
    },
    {
        "url": "http://news.test/en/modi-kremlin",
        "published": "2024-07-09",
        "title": "Second day at the Kremlin",
        "text": "Narendra Modi, who landed in Moscow on Monday, spent the second day of his "
        "visit at the Kremlin. Officials from both sides talked about fertiliser and "
        "payments in national currencies.",
    },
    {
        "url": "http://news.test/ru/modi-pribyl",
        "published": "2024-07-08",
        "title": "Моди в Москве",
        "text": "Премьер-министр Индии Нарендра Моди прибыл в Москву 8 июля с официальным "
        "визитом. Стороны обсудят энергетику и логистику.",
    },
    {
        "url": "http://news.test/ru/modi-peregovory",
        "published": "2024-07-09",
        "title": "Переговоры в Кремле",
        "text": "Нарендра Моди находится с визитом в Москве. Во вторник он проведет "
        "переговоры с Владимиром Путиным в Кремле.",
    },
    {
        "url": "http://news.test/en/modi-vienna",
        "published": "2024-07-10",
        "title": "From Moscow to Vienna",
        "text": "Modi wrapped up his visit to Russia on Tuesday evening and flew on to "
        "Austria, where he was received by Chancellor Karl Nehammer in Vienna.",
    },
    {
        "url": "http://news.test/en/modi-late",
        "published": "2024-07-12",
        "title": "A look back",
        "text": "Indian Prime Minister Narendra Modi arrived in Moscow on July 8, the week's "
        "most closely watched trip.",
    },
]

# The same trip reported with another start date, and with another city.
MODI_OTHER_DAY: dict[str, Any] = {
    "url": "http://news.test/en/modi-other-day",
    "published": "2024-07-12",
    "text": "Indian Prime Minister Narendra Modi arrived in Moscow on July 9, state media said.",
}
MODI_OTHER_CITY: dict[str, Any] = {
    "url": "http://news.test/en/modi-other-city",
    "published": "2024-07-12",
    "text": "Indian Prime Minister Narendra Modi arrived in Kazan on July 8, local media reported.",
}
# Months later: another trip to the same country.
MODI_KAZAN: dict[str, Any] = {
    "url": "http://news.test/en/modi-brics",
    "published": "2024-10-22",
    "text": "Narendra Modi arrived in Kazan on Tuesday to attend the BRICS summit hosted by "
    "Russia.",
}
# Announced the day before: a planned trip, kept apart from the one that happened.
MODI_PLANNED: dict[str, Any] = {
    "url": "http://news.test/en/modi-will-travel",
    "published": "2024-07-07",
    "text": "The Indian prime minister will travel to Moscow on Monday, the foreign ministry "
    "in New Delhi said.",
}
# Reports no trip at all.
PHONE_CALL: dict[str, Any] = {
    "url": "http://news.test/en/phone-call",
    "published": "2024-03-01",
    "text": "Turkish President Recep Tayyip Erdogan held a phone call with Vladimir Putin on "
    "Friday. They talked about grain shipments.",
}
TOKAYEV_HOSTS: dict[str, Any] = {
    "url": "http://news.test/en/astana",
    "published": "2024-11-26",
    "text": "Kazakh President Kassym-Jomart Tokayev will host Vladimir Putin in Astana on "
    "November 27, the Akorda said.",
}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
