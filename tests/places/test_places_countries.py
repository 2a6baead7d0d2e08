"""Country lookups by code, English and Russian names, and aliases."""

from __future__ import annotations

import pytest

from diplotrack.places import Country, gazetteer


def code_of(text: str) -> str | None:
    country = gazetteer().country(text)
    return country.iso3 if country else None


@pytest.mark.parametrize(
    "text", ["Kazakhstan", "KZ", "KAZ", "Казахстан", "Republic of Kazakhstan", "kazakhstan"]
)
def test_kazakhstan_answers_to_its_codes_and_names(text: str) -> None:
    assert code_of(text) == "KAZ"


@pytest.mark.parametrize("text", ["Atlantis", "", "   ", "Narnia Republic", "XX"])
def test_unknown_names_give_none(text: str) -> None:
    assert code_of(text) is None


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("VNM", "Vietnam"),
        ("BOL", "Bolivia"),
        ("VEN", "Venezuela"),
        ("TZA", "Tanzania"),
        ("MDA", "Moldova"),
        ("LAO", "Laos"),
        ("CZE", "Czechia"),
        ("TUR", "Türkiye"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("TWN", "Taiwan"),
        ("PSE", "Palestine"),
        ("SUN", "Soviet Union"),
    ],
)
def test_short_english_names_are_the_usual_ones(iso3: str, name: str) -> None:
    assert gazetteer().country_by_code(iso3).name == name


def test_no_short_english_name_is_in_inverted_iso_form() -> None:
    inverted = [c.name for c in gazetteer().countries() if "," in c.name]
    assert inverted == []


@pytest.mark.parametrize(
    ("iso3", "name_ru"),
    [
        ("RUS", "Россия"),
        ("KAZ", "Казахстан"),
        ("USA", "США"),
        ("GBR", "Великобритания"),
        ("CHN", "Китай"),
        ("KOR", "Южная Корея"),
        ("PRK", "КНДР"),
        ("IRN", "Иран"),
        ("SYR", "Сирия"),
        ("MDA", "Молдавия"),
        ("BLR", "Белоруссия"),
        ("KGZ", "Киргизия"),
        ("TKM", "Туркмения"),
        ("SUN", "СССР"),
    ],
)
def test_russian_short_names(iso3: str, name_ru: str) -> None:
    assert gazetteer().country_by_code(iso3).name_ru == name_ru


def test_every_country_has_a_russian_name() -> None:
    assert [c.iso3 for c in gazetteer().countries() if not c.name_ru] == []


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Беларусь", "BLR"),
        ("Молдова", "MDA"),
        ("Кыргызстан", "KGZ"),
        ("Туркменистан", "TKM"),
        ("Северная Корея", "PRK"),
        ("Российская Федерация", "RUS"),
        ("Соединенные Штаты Америки", "USA"),
        ("Советский Союз", "SUN"),
    ],
)
def test_russian_variants_resolve(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("USA", "USA"),
        ("US", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Turkey", "TUR"),
        ("Turkiye", "TUR"),
        ("Russian Federation", "RUS"),
        ("Vatican", "VAT"),
        ("Vatican City", "VAT"),
        ("Holy See", "VAT"),
        ("Palestinian Authority", "PSE"),
        ("West Bank", "PSE"),
        ("Republic of China", "TWN"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("USSR", "SUN"),
        ("East Germany", "DDR"),
        ("Kosovo", "XKX"),
    ],
)
def test_english_aliases_resolve(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("ru", "RUS"), ("rus", "RUS"), ("XK", "XKX"), ("XKX", "XKX"), ("SU", "SUN")],
)
def test_iso_codes_resolve_case_insensitively(text: str, iso3: str) -> None:
    assert code_of(text) == iso3


def test_inverted_names_resolve() -> None:
    assert code_of("Korea, South") == "KOR"


def test_accents_and_the_do_not_matter() -> None:
    assert code_of("the Côte d\u2019Ivoire") == code_of("COTE D'IVOIRE") == "CIV"


def test_saint_and_st_are_the_same() -> None:
    assert code_of("St. Kitts & Nevis") == "KNA"


def test_historian_slugs_resolve() -> None:
    assert code_of("korea-north") == "PRK"


def test_country_by_code_raises_for_an_unknown_code() -> None:
    with pytest.raises(KeyError):
        gazetteer().country_by_code("ZZZ")


def test_countries_are_sorted_by_code() -> None:
    codes = [c.iso3 for c in gazetteer().countries()]
    assert codes == sorted(codes)


def test_countries_cover_iso_3166_1_and_the_former_states() -> None:
    codes = {c.iso3 for c in gazetteer().countries()}
    extra = {"SUN", "YUG", "SCG", "CSK", "DDR", "YMD", "VDR", "XSV", "ANT", "XHI", "XKX"}
    assert len(codes - extra) == 249
    assert extra <= codes


@pytest.mark.parametrize(
    ("iso3", "valid_from", "valid_to"),
    [
        ("SUN", "1922-12-30", "1991-12-26"),
        ("YUG", "1918-12-01", "2003-02-04"),
        ("SCG", "2003-02-04", "2006-06-05"),
        ("CSK", "1918-10-28", "1992-12-31"),
        ("DDR", "1949-10-07", "1990-10-03"),
        ("XSV", "1955-10-26", "1976-07-02"),
    ],
)
def test_former_states_carry_their_dates(iso3: str, valid_from: str, valid_to: str) -> None:
    country = gazetteer().country_by_code(iso3)
    assert (country.historical, country.valid_from, country.valid_to) == (
        True,
        valid_from,
        valid_to,
    )


def test_present_states_have_no_end_date() -> None:
    assert [c.iso3 for c in gazetteer().countries() if not c.historical and c.valid_to] == []


def test_kosovo_is_a_present_state_with_a_start_date() -> None:
    kosovo = gazetteer().country_by_code("XKX")
    assert (kosovo.iso2, kosovo.historical, kosovo.valid_from) == ("XK", False, "2008-02-17")


def test_only_the_shared_iso_3166_3_code_cs_is_ambiguous() -> None:
    assert gazetteer().ambiguous_keys() == frozenset({"cs"})
    assert code_of("CS") is None


def test_aliases_do_not_repeat_the_names() -> None:
    def repeats(country: Country) -> bool:
        return bool({country.name, country.name_ru} & set(country.aliases))

    assert [c.iso3 for c in gazetteer().countries() if repeats(c)] == []


def test_gazetteer_is_loaded_once() -> None:
    assert gazetteer() is gazetteer()


def test_aliases_include_the_official_name() -> None:
    usa = gazetteer().country_by_code("USA")
    assert {"USA", "US", "United States of America", "America"} <= set(usa.aliases)
