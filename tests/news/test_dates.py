"""Dates in news text (``news.dates.find_dates``): each expression with its two readings, the
one looking back from the publication date and the one looking ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from diplotrack.news.dates import find_dates

MONDAY = dt.date(2023, 3, 6)


def _readings(text: str, published: dt.date = MONDAY) -> list[tuple[str | None, str | None]]:
    return [(d.past[0], d.future[0]) for d in find_dates(text, published)]


def test_a_weekday_alone_reads_a_week_back_or_ahead() -> None:
    assert _readings("on Thursday", dt.date(2023, 3, 10)) == [("2023-03-09", "2023-03-16")]
    assert _readings("в четверг", dt.date(2023, 3, 10)) == [("2023-03-09", "2023-03-16")]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("on Thursday next week", ["2023-03-16"]),
        ("on Thursday and Friday next week", ["2023-03-16", "2023-03-17"]),
        ("on Tuesday last week", ["2023-02-28"]),
        ("во вторник на следующей неделе", ["2023-03-14"]),
        ("в четверг и пятницу на следующей неделе", ["2023-03-16"]),
    ],
)
def test_a_weekday_of_a_week_named_after_it_is_that_weeks(text: str, days: list[str]) -> None:
    found = [
        past for past, future in _readings(text) if past == future and past and len(past) == 10
    ]
    assert found == days


def test_a_month_after_na_is_a_month() -> None:
    published = dt.date(2026, 2, 10)
    assert _readings("визит запланирован на март", published) == [("2025-03", "2026-03")]
    assert _readings("на март 2026 года", published) == [("2026-03", "2026-03")]


def test_a_weekday_and_a_week_told_apart_stay_apart() -> None:
    assert _readings("on Monday, officials said next week")[0] == ("2023-03-06", "2023-03-06")


def test_a_day_written_as_an_ordinal() -> None:
    published = dt.date(2022, 6, 14)
    assert _readings("on the thirteenth of July", published) == [("2022-07-13", "2022-07-13")]
    assert _readings("the twenty-first of June 2019", published) == [("2019-06-21", "2019-06-21")]


def test_next_weekday_said_on_that_weekday_is_a_week_ahead() -> None:
    thursday = dt.date(2019, 1, 10)
    assert _readings("next Thursday", thursday) == [("2019-01-17", "2019-01-17")]
    assert _readings("next Friday", thursday) == [("2019-01-11", "2019-01-11")]
    assert _readings("в следующий четверг", thursday) == [("2019-01-17", "2019-01-17")]
