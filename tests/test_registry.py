"""The bundled registry of leaders and tenures is internally consistent."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations

import pytest

from diplotrack.model import OfficeKind, Tenure
from diplotrack.people.registry import bundled_registry

BATCH = bundled_registry()
TENURES = [t for record in BATCH.records for t in record.tenures]


def _span(tenure: Tenure) -> tuple[str, str]:
    return tenure.start_date, tenure.end_date or "9999-12-31"


def test_the_registry_loads_without_rejects() -> None:
    assert BATCH.rejects == []


def test_no_tenure_ends_before_it_starts() -> None:
    assert [t.key for t in TENURES if t.end_date and t.end_date < t.start_date] == []


def test_every_tenure_names_its_source() -> None:
    assert [t.key for t in TENURES if not t.source] == []


def test_every_leader_has_at_least_one_tenure() -> None:
    assert [r.leader.id for r in BATCH.records if not r.tenures] == []


def _office_key(tenure: Tenure) -> tuple[str, str]:
    """One office: heads of state (and "both") share a seat, heads of government theirs."""
    kind = tenure.office_kind
    if kind in (OfficeKind.HEAD_OF_STATE, OfficeKind.BOTH):
        return tenure.country, "head_of_state"
    if kind is OfficeKind.HEAD_OF_GOVERNMENT:
        return tenure.country, "head_of_government"
    return tenure.country, tenure.title


def _overlaps() -> list[str]:
    seats: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for tenure in TENURES:
        seats[_office_key(tenure)].append(tenure)
    found = []
    for tenures in seats.values():
        for a, b in combinations(tenures, 2):
            (a_start, a_end), (b_start, b_end) = _span(a), _span(b)
            if a_start < b_end and b_start < a_end:
                found.append(f"{a.key} overlaps {b.key}")
    return found


def test_no_two_tenures_of_one_office_overlap() -> None:
    assert _overlaps() == []


@pytest.mark.parametrize("country", ["USA", "RUS", "KAZ", "BLR", "UKR", "CHN", "IND", "TUR",
                                     "ARM", "UZB", "KGZ", "TJK", "AZE", "GBR", "DEU", "FRA"])
def test_someone_heads_each_covered_country_today(country: str) -> None:
    today = dt.date.today().isoformat()
    current = [t for t in TENURES if t.country == country and t.office_kind is not
               OfficeKind.MINISTER and t.start_date <= today < (t.end_date or "9999-12-31")]
    assert current


def test_registry_covers_the_required_countries() -> None:
    countries = {t.country for t in TENURES}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
           "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
    post_soviet = {"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA", "RUS",
                   "TJK", "TKM", "UKR", "UZB"}
    sco_extra = {"PAK", "IRN"}
    assert g20 | post_soviet | sco_extra <= countries
