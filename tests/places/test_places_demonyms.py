"""Country adjectives and demonyms in English and Russian, and the Russian ending normaliser."""

from __future__ import annotations

import pytest

from diplotrack.places import gazetteer
from diplotrack.places.demonyms import adjectives, countries_by_adjective
from diplotrack.places.resources import read_table

# The 193 member states of the United Nations (since South Sudan joined on 2011-07-14).
_UN_ROWS = (
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH",
    "BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB",
    "CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU",
    "GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ",
    "KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS",
    "MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW",
    "PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC",
    "SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN",
    "TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE",
)
UN_MEMBERS = frozenset(code for row in _UN_ROWS for code in row.split())
# Territories with no inhabitants of their own, hence no demonym.
UNINHABITED = frozenset({"ATF", "BVT", "HMD", "SGS", "SJM", "UMI"})


def test_un_member_list_has_193_states() -> None:
    assert len(UN_MEMBERS) == 193


def test_every_un_member_is_a_gazetteer_country() -> None:
    codes = {country.iso3 for country in gazetteer().countries()}
    assert sorted(UN_MEMBERS - codes) == []


def test_every_un_member_in_the_gazetteer_has_an_english_adjective() -> None:
    members = [c.iso3 for c in gazetteer().countries() if c.iso3 in UN_MEMBERS]
    assert [code for code in members if not adjectives(code)] == []


def test_every_inhabited_country_in_the_gazetteer_has_an_english_adjective() -> None:
    missing = {c.iso3 for c in gazetteer().countries() if not adjectives(c.iso3)}
    assert missing == UNINHABITED


def test_every_code_in_the_table_is_a_gazetteer_country() -> None:
    codes = {country.iso3 for country in gazetteer().countries()}
    assert {row["iso3"] for row in read_table("demonyms.csv")} - codes == set()


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("казахстанский", "KAZ"),
        ("казахстанского", "KAZ"),
        ("казахстанская", "KAZ"),
        ("казахстанской", "KAZ"),
        ("казахстанскую", "KAZ"),
        ("казахстанскими", "KAZ"),
        ("казахских", "KAZ"),
        ("российской", "RUS"),
        ("российским", "RUS"),
        ("российскому", "RUS"),
        ("российское", "RUS"),
        ("российские", "RUS"),
        ("Российской", "RUS"),
        ("белорусского", "BLR"),
        ("белорусском", "BLR"),
        ("беларусская", "BLR"),
        ("американские", "USA"),
        ("американским", "USA"),
        ("китайская", "CHN"),
        ("турецкого", "TUR"),
        ("турецкой", "TUR"),
        ("киргизской", "KGZ"),
        ("кыргызские", "KGZ"),
        ("узбекскую", "UZB"),
        ("таджикскому", "TJK"),
        ("туркменских", "TKM"),
        ("азербайджанское", "AZE"),
        ("армянскими", "ARM"),
        ("грузинскую", "GEO"),
        ("молдавского", "MDA"),
        ("молдовской", "MDA"),
        ("украинских", "UKR"),
        ("советского", "SUN"),
        ("коста-риканского", "CRI"),
        ("южнокорейской", "KOR"),
    ],
)
def test_russian_case_forms_map_back_to_their_country(word: str, iso3: str) -> None:
    assert countries_by_adjective(word) == [iso3]


@pytest.mark.parametrize("word", ["Kazakh", "Kazakhstani", "kazakhstani", "KAZAKH"])
def test_kazakh_and_kazakhstani_both_give_kazakhstan(word: str) -> None:
    assert countries_by_adjective(word) == ["KAZ"]


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Belarusian", "BLR"),
        ("Byelorussian", "BLR"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("British", "GBR"),
        ("Kirghiz", "KGZ"),
        ("Azeri", "AZE"),
    ],
)
def test_english_variants_and_abbreviations_resolve(word: str, iso3: str) -> None:
    assert countries_by_adjective(word) == [iso3]


@pytest.mark.parametrize(
    ("word", "iso3"),
    [("Soviet", "SUN"), ("Yugoslav", "YUG"), ("Czechoslovak", "CSK"), ("East German", "DDR")],
)
def test_former_states_have_their_adjectives(word: str, iso3: str) -> None:
    assert countries_by_adjective(word) == [iso3]


@pytest.mark.parametrize(
    "word", ["President", "Minister", "Kazakhstan", "Russia", "Laos", "visit", "", "   "]
)
def test_words_that_are_not_adjectives_give_nothing(word: str) -> None:
    assert countries_by_adjective(word) == []


@pytest.mark.parametrize("word", ["России", "Китая", "Казахстане", "Россией", "Минском", "кой"])
def test_russian_nouns_are_not_taken_for_adjectives(word: str) -> None:
    assert countries_by_adjective(word) == []


def test_the_ethnic_russkiy_is_not_a_country_adjective() -> None:
    assert countries_by_adjective("русского") == []


@pytest.mark.parametrize(("word", "iso3"), [("Kazakhs", "KAZ"), ("Americans", "USA")])
def test_english_plurals_resolve(word: str, iso3: str) -> None:
    assert countries_by_adjective(word) == [iso3]


@pytest.mark.parametrize(
    ("word", "codes"),
    [
        ("Congolese", ["COD", "COG"]),
        ("Korean", ["KOR", "PRK"]),
        ("Dominican", ["DMA", "DOM"]),
        ("корейского", ["KOR", "PRK"]),
    ],
)
def test_shared_adjectives_give_every_country_sorted(word: str, codes: list[str]) -> None:
    assert countries_by_adjective(word) == codes


def test_adjectives_lists_russian_forms_in_table_order() -> None:
    assert adjectives("KAZ", "ru") == ["казахстанский", "казахский"]


def test_adjectives_accepts_a_lower_case_code() -> None:
    assert adjectives("sun") == ["Soviet"]


def test_adjectives_of_an_unknown_code_are_empty() -> None:
    assert adjectives("XXX") == []


def test_adjectives_in_an_unknown_language_raise() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        adjectives("KAZ", "de")
