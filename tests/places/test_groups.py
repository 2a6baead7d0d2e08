"""Groups of states with dated membership, and regions."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import pairwise

import pycountry
import pytest

from diplotrack.errors import NotFound
from diplotrack.places.groups import Membership, groups

# ISO 3166-1 codes, the user-assigned code for Kosovo and the ISO 3166-3 codes of former states.
VALID_CODES = {country.alpha_3 for country in pycountry.countries} | {
    "XKX",
    "SUN",
    "YUG",
    "CSK",
    "DDR",
    "SCG",
    "YMD",
}
M49_CONTINENTS = ("africa", "americas", "asia", "europe", "oceania")


def group_id(text: str) -> str | None:
    found = groups().group(text)
    return found.id if found else None


def all_memberships() -> list[Membership]:
    return [row for group in groups().all() for row in groups().memberships(group.id)]


@pytest.mark.parametrize(
    "text", ["CSTO", "csto", "ОДКБ", "group:CSTO", "Collective Security Treaty Organization"]
)
def test_csto_answers_to_its_abbreviations_and_name(text: str) -> None:
    assert group_id(text) == "csto"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("СНГ", "cis"),
        ("EEU", "eaeu"),
        ("ЕАЭС", "eaeu"),
        ("ШОС", "sco"),
        ("БРИКС", "brics"),
        ("ЕС", "eu"),
        ("НАТО", "nato"),
        ("Big Seven", "g7"),
        ("G-7", "g7"),
        ("Большая семерка", "g7"),
        ("g 20", "g20"),
        ("АСЕАН", "asean"),
        ("ЛАГ", "arab-league"),
        ("CSCE", "osce"),
        ("ОБСЕ", "osce"),
        ("ICC states parties", "icc"),
        ("Rome Statute", "icc"),
    ],
)
def test_abbreviations_in_english_and_russian_resolve(text: str, expected: str) -> None:
    assert group_id(text) == expected


@pytest.mark.parametrize(
    "text", ["region:central-asia", "Central Asia", "central asia", "Центральная Азия"]
)
def test_central_asia_answers_to_its_id_and_names(text: str) -> None:
    assert group_id(text) == "central-asia"


def test_kind_prefix_must_match_the_kind() -> None:
    assert group_id("region:CSTO") is None


@pytest.mark.parametrize("text", ["", "   ", "Warsaw Pact of Narnia", "group:"])
def test_unknown_names_give_none(text: str) -> None:
    assert group_id(text) is None


def test_uzbekistan_in_csto_after_rejoining() -> None:
    assert groups().is_member("csto", "UZB", date(2010, 1, 1))


def test_uzbekistan_not_in_csto_after_leaving_in_2012() -> None:
    assert not groups().is_member("csto", "UZB", date(2013, 1, 1))


def test_uzbekistan_not_in_csto_between_1999_and_2006() -> None:
    assert not groups().is_member("csto", "UZB", date(2000, 1, 1))


def test_armenia_in_eaeu_from_its_accession() -> None:
    assert groups().is_member("eaeu", "ARM", date(2015, 6, 1))


def test_armenia_not_in_eaeu_before_it_existed() -> None:
    assert not groups().is_member("eaeu", "ARM", date(2014, 12, 31))


def test_iran_in_sco_on_its_admission_day() -> None:
    assert groups().is_member("sco", "IRN", date(2023, 7, 4))


def test_iran_not_in_sco_the_day_before() -> None:
    assert not groups().is_member("sco", "IRN", date(2023, 7, 3))


def test_uk_in_eu_in_2019() -> None:
    assert groups().is_member("eu", "GBR", date(2019, 6, 1))


def test_uk_not_in_eu_in_2021() -> None:
    assert not groups().is_member("eu", "GBR", date(2021, 6, 1))


def test_end_date_is_the_first_day_out() -> None:
    was_in = groups().is_member("eu", "GBR", date(2020, 1, 31))
    assert (was_in, groups().is_member("eu", "GBR", date(2020, 2, 1))) == (True, False)


def test_finland_in_nato_in_2024() -> None:
    assert groups().is_member("nato", "FIN", date(2024, 1, 1))


def test_finland_not_in_nato_in_2022() -> None:
    assert not groups().is_member("nato", "FIN", date(2022, 1, 1))


@pytest.mark.parametrize("year", [2010, 2024])
def test_syria_in_arab_league_outside_its_suspension(year: int) -> None:
    assert groups().is_member("arab-league", "SYR", date(year, 1, 1))


def test_syria_not_in_arab_league_while_suspended() -> None:
    assert not groups().is_member("arab-league", "SYR", date(2015, 1, 1))


def test_burundi_party_to_icc_in_2016() -> None:
    assert groups().is_member("icc", "BDI", date(2016, 1, 1))


def test_burundi_not_party_to_icc_after_its_withdrawal() -> None:
    assert not groups().is_member("icc", "BDI", date(2018, 1, 1))


def test_hungary_not_party_to_icc_after_its_withdrawal_took_effect() -> None:
    assert not groups().is_member("icc", "HUN", date(2026, 6, 2))


def test_members_without_a_date_include_former_members() -> None:
    assert "GBR" in groups().members("eu")


def test_members_on_a_date_are_sorted_iso3_codes() -> None:
    assert groups().members("eaeu", date(2016, 1, 1)) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]


def test_members_accept_a_name_for_the_group() -> None:
    assert groups().members("region:south-caucasus") == ["ARM", "AZE", "GEO"]


def test_unknown_group_raises_not_found() -> None:
    with pytest.raises(NotFound):
        groups().members("warsaw-pact")


def test_of_country_lists_groups_on_a_date() -> None:
    found = [group.id for group in groups().of_country("GEO", date(2005, 1, 1))]
    assert "cis" in found and "csto" not in found


def test_every_country_code_is_valid() -> None:
    unknown = {row.country for row in all_memberships()} - VALID_CODES
    assert unknown == set()


def test_no_overlapping_rows_for_one_group_and_country() -> None:
    spans: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for row in all_memberships():
        spans[row.group, row.country].append((row.start_date or "", row.end_date or "9999"))
    overlapping = [
        key
        for key, rows in spans.items()
        if any(later[0] < earlier[1] for earlier, later in pairwise(sorted(rows)))
    ]
    assert overlapping == []


def test_central_asia_is_within_post_soviet_states() -> None:
    assert set(groups().members("central-asia")) <= set(groups().members("post-soviet"))


def test_every_iso_country_but_antarctica_is_in_one_m49_continent() -> None:
    counted = [code for region in M49_CONTINENTS for code in groups().members(region)]
    iso = {country.alpha_3 for country in pycountry.countries} - {"ATA"}
    assert sorted(code for code in counted if code in iso) == sorted(iso)


def test_regions_have_no_dates() -> None:
    regions = [group.id for group in groups().all() if group.kind == "region"]
    dated = [row for region in regions for row in groups().memberships(region) if row.start_date]
    assert dated == []


def test_every_group_has_members() -> None:
    empty = [group.id for group in groups().all() if not groups().members(group.id)]
    assert empty == []
