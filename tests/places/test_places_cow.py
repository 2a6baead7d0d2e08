"""Correlates of War state numbers and abbreviations, and names in the national languages."""

from __future__ import annotations

import pytest

from diplotrack.places import gazetteer, normalize_name
from diplotrack.places.countries import country_table
from diplotrack.places.resources import read_table


def code_of(text: str) -> str | None:
    country = gazetteer().country(text)
    return country.iso3 if country else None


@pytest.mark.parametrize(
    ("iso3", "cow_code", "cow_abbr"),
    [
        ("USA", 2, "USA"),
        ("CAN", 20, "CAN"),
        ("GBR", 200, "UKG"),
        ("FRA", 220, "FRN"),
        ("DEU", 255, "GMY"),
        ("DDR", 265, "GDR"),
        ("CSK", 315, "CZE"),
        ("CZE", 316, "CZR"),
        ("SVK", 317, "SLO"),
        ("YUG", 345, "YUG"),
        ("SRB", 345, "YUG"),
        ("SCG", 345, "YUG"),
        ("XKX", 347, "KOS"),
        ("RUS", 365, "RUS"),
        ("SUN", 365, "RUS"),
        ("UKR", 369, "UKR"),
        ("BLR", 370, "BLR"),
        ("YEM", 679, "YEM"),
        ("YMD", 680, "YPR"),
        ("KAZ", 705, "KZK"),
        ("TWN", 713, "TAW"),
        ("KOR", 732, "ROK"),
        ("VDR", 816, "DRV"),
        ("VNM", 816, "DRV"),
        ("XSV", 817, "RVN"),
    ],
)
def test_cow_codes_of_present_and_former_states(iso3: str, cow_code: int, cow_abbr: str) -> None:
    country = gazetteer().country_by_code(iso3)
    assert (country.cow_code, country.cow_abbr) == (cow_code, cow_abbr)


@pytest.mark.parametrize("iso3", ["PRI", "HKG", "GRL", "GUM", "ANT", "XHI", "PSE", "ESH"])
def test_entities_cow_does_not_list_have_no_code(iso3: str) -> None:
    country = gazetteer().country_by_code(iso3)
    assert (country.cow_code, country.cow_abbr) == (None, None)


@pytest.mark.parametrize(
    ("cow_code", "entries"),
    [
        (365, ("RUS", "SUN")),
        (345, ("SCG", "SRB", "YUG")),
        (816, ("VDR", "VNM")),
        (260, ("DEU",)),
        (678, ("YEM",)),
        (511, ()),
    ],
)
def test_cow_number_names_every_entry_it_covers(cow_code: int, entries: tuple[str, ...]) -> None:
    assert country_table().cow.get(cow_code, ()) == entries


def test_gazetteer_country_by_cow_gives_russia_and_the_soviet_union() -> None:
    found = gazetteer().country_by_cow(365)
    assert [country.iso3 for country in found] == ["RUS", "SUN"]


def test_every_cow_row_names_a_gazetteer_country() -> None:
    known = {country.iso3 for country in gazetteer().countries()}
    assert [row["iso3"] for row in read_table("cow.csv") if row["iso3"] not in known] == []


def test_each_entry_has_one_cow_code_of_its_own() -> None:
    own = [row["iso3"] for row in read_table("cow.csv") if row["earlier"] != "yes"]
    assert sorted(own) == sorted(set(own))


def test_each_cow_number_has_one_abbreviation() -> None:
    pairs = {(row["cow_code"], row["cow_abbr"]) for row in read_table("cow.csv")}
    codes = [code for code, _ in pairs]
    assert sorted(codes) == sorted(set(codes))


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("UKG", "GBR"),
        ("GMY", "DEU"),
        ("GFR", "DEU"),
        ("FRN", "FRA"),
        ("DRV", "VDR"),
        ("RVN", "XSV"),
        ("YAR", "YEM"),
        ("YPR", "YMD"),
        ("KZK", "KAZ"),
        ("TAW", "TWN"),
        ("KOS", "XKX"),
    ],
)
def test_cow_abbreviations_resolve(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("AUS", "AUS"),  # COW: Austria; ISO: Australia
        ("CZE", "CZE"),  # COW: Czechoslovakia; ISO: Czechia
        ("SWZ", "SWZ"),  # COW: Switzerland; ISO: Eswatini
        ("SLV", "SLV"),  # COW: Slovenia; ISO: El Salvador
        ("MAC", "MAC"),  # COW: Macedonia; ISO: Macao
        ("MNG", "MNG"),  # COW: Montenegro; ISO: Mongolia
        ("RUS", "RUS"),  # COW: Russia and the Soviet Union
        ("YUG", "YUG"),  # COW: Yugoslavia, Serbia and Montenegro, Serbia
    ],
)
def test_cow_abbreviation_that_is_an_iso_code_keeps_its_iso_meaning(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


@pytest.mark.parametrize("text", ["Van", "Kos", "ukg", "Gmy", "new"])
def test_cow_abbreviations_match_only_in_capitals(text: str) -> None:
    assert code_of(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Қазақстан", "KAZ"),
        ("Қазақстан Республикасы", "KAZ"),
        ("Україна", "UKR"),
        ("Беларусь", "BLR"),
        ("Рэспубліка Беларусь", "BLR"),
        ("Кыргызстан", "KGZ"),
        ("Кыргыз Республикасы", "KGZ"),
        ("Oʻzbekiston", "UZB"),
        ("O'zbekiston", "UZB"),
        ("Ўзбекистон", "UZB"),
        ("Тоҷикистон", "TJK"),
        ("Türkmenistan", "TKM"),
        ("Հայաստան", "ARM"),
        ("Azərbaycan", "AZE"),
        ("საქართველო", "GEO"),
        ("Moldova", "MDA"),
        ("Republica Moldova", "MDA"),
        ("Eesti", "EST"),
        ("Latvija", "LVA"),
        ("Lietuva", "LTU"),
        ("Россия", "RUS"),
        ("Российская Федерация", "RUS"),
    ],
)
def test_national_language_names_resolve(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


def test_national_names_are_listed_on_the_country() -> None:
    kazakhstan = gazetteer().country_by_code("KAZ")
    assert kazakhstan.names_local == ("Қазақстан", "Қазақстан Республикасы")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Қазақстан", "қазақстан"),
        ("Ўзбекистон", "ўзбекистон"),
        ("Тоҷикистон", "тоҷикистон"),
        ("Рэспубліка Беларусь", "рэспубліка беларусь"),
        ("Україна", "україна"),
        ("Հայաստան", "հայաստան"),
        ("საქართველო", "საქართველო"),
        ("Azərbaycan", "azərbaycan"),
    ],
)
def test_normalize_name_keeps_national_scripts(text: str, key: str) -> None:
    assert normalize_name(text) == key
