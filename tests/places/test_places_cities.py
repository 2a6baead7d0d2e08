"""City lookups: renamed cities, namesakes, Russian forms, places that are not cities."""

from __future__ import annotations

import pytest

from diplotrack.places import gazetteer
from diplotrack.places.resolve import resolve_place


def best(name: str, country: str | None = None) -> tuple[str, str]:
    found = gazetteer().cities(name, country)
    assert found, f"no city {name!r}"
    return found[0].name, found[0].country


@pytest.mark.parametrize("name", ["Nur-Sultan", "Akmola", "Tselinograd", "Akmolinsk", "Астана"])
def test_former_names_of_astana_give_astana(name: str) -> None:
    assert best(name) == ("Astana", "KAZ")


@pytest.mark.parametrize(
    ("name", "current", "country"),
    [
        ("Alma-Ata", "Almaty", "KAZ"),
        ("Leningrad", "Saint Petersburg", "RUS"),
        ("Petrograd", "Saint Petersburg", "RUS"),
        ("Stalingrad", "Volgograd", "RUS"),
        ("Sverdlovsk", "Yekaterinburg", "RUS"),
        ("Gorky", "Nizhny Novgorod", "RUS"),
        ("Frunze", "Bishkek", "KGZ"),
        ("Kiev", "Kyiv", "UKR"),
        ("Kishinev", "Chisinau", "MDA"),
        ("Ashkhabad", "Ashgabat", "TKM"),
        ("Stalinabad", "Dushanbe", "TJK"),
        ("Peking", "Beijing", "CHN"),
        ("Bombay", "Mumbai", "IND"),
        ("Madras", "Chennai", "IND"),
        ("Calcutta", "Kolkata", "IND"),
        ("Rangoon", "Yangon", "MMR"),
        ("Saigon", "Ho Chi Minh City", "VNM"),
        ("Constantinople", "Istanbul", "TUR"),
    ],
)
def test_former_names_give_the_current_city(name: str, current: str, country: str) -> None:
    assert best(name) == (current, country)


@pytest.mark.parametrize(
    ("name", "current"),
    [
        ("Алматы", "Almaty"),
        ("Минск", "Minsk"),
        ("Москва", "Moscow"),
        ("Пекин", "Beijing"),
        ("Київ", "Kyiv"),
        ("Киев", "Kyiv"),
        ("Бишкек", "Bishkek"),
        ("Ташкент", "Tashkent"),
        ("Душанбе", "Dushanbe"),
        ("Ереван", "Yerevan"),
        ("Баку", "Baku"),
        ("Тбилиси", "Tbilisi"),
        ("Ашхабад", "Ashgabat"),
        ("Кишинёв", "Chisinau"),
        ("Кишинев", "Chisinau"),
    ],
)
def test_russian_forms_give_the_city(name: str, current: str) -> None:
    assert best(name)[0] == current


def test_a_namesake_gives_several_candidates_with_the_larger_first() -> None:
    found = gazetteer().cities("Saint Petersburg")
    assert [city.country for city in found][:2] == ["RUS", "USA"]


def test_st_and_saint_find_the_same_candidates() -> None:
    places = gazetteer()
    assert places.cities("St. Petersburg") == places.cities("Saint Petersburg")


def test_a_country_filter_keeps_only_that_country() -> None:
    found = gazetteer().cities("Saint Petersburg", "USA")
    assert [(city.name, city.country) for city in found] == [("St. Petersburg", "USA")]


def test_a_capital_comes_before_a_larger_namesake() -> None:
    found = gazetteer().cities("San Jose")
    assert [(city.country, city.capital) for city in found[:2]] == [("CRI", True), ("USA", False)]


def test_moscow_is_the_russian_capital_first() -> None:
    assert best("Moscow") == ("Moscow", "RUS")


@pytest.mark.parametrize(
    ("name", "country"),
    [("Astana", "KAZ"), ("Minsk", "BLR"), ("Washington", "USA"), ("Kyiv", "UKR")],
)
def test_capitals_are_flagged(name: str, country: str) -> None:
    city = gazetteer().cities(name, country)[0]
    assert city.capital


def test_a_former_capital_is_not_flagged() -> None:
    assert not gazetteer().cities("Almaty", "KAZ")[0].capital


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("Camp David", "Camp David", "USA"),
        ("Baikonur", "Baikonur", "KAZ"),
        ("Borovoe", "Burabay", "KAZ"),
        ("Боровое", "Burabay", "KAZ"),
        ("Krasnaya Polyana", "Krasnaya Polyana", "RUS"),
        ("Sochi", "Sochi", "RUS"),
    ],
)
def test_places_where_visits_happen_are_known(name: str, place: str, country: str) -> None:
    assert best(name) == (place, country)


def test_places_missing_from_geonames_have_no_population() -> None:
    assert gazetteer().cities("Camp David")[0].population is None


def test_city_aliases_include_former_and_russian_names() -> None:
    astana = gazetteer().cities("Astana", "KAZ")[0]
    assert {"Nur-Sultan", "Akmola", "Tselinograd", "Астана"} <= set(astana.aliases)


def test_a_former_state_filter_covers_its_successors() -> None:
    assert best("Alma-Ata", "SUN") == ("Almaty", "KAZ")


def test_a_filter_to_another_country_finds_nothing() -> None:
    assert gazetteer().cities("Leningrad", "KAZ") == []


def test_an_unknown_city_gives_no_candidates() -> None:
    assert gazetteer().cities("Xyzzyville") == []


@pytest.mark.parametrize(("name", "country"), [("Nur-Sultan", None), ("Nur-Sultan", "KAZ")])
def test_city_known_finds_a_former_name(name: str, country: str | None) -> None:
    assert gazetteer().city_known(name, country)


@pytest.mark.parametrize(("name", "country"), [("Nur-Sultan", "RUS"), ("Xyzzyville", None)])
def test_city_known_rejects_other_countries_and_unknown_names(
    name: str, country: str | None
) -> None:
    assert not gazetteer().city_known(name, country)


def test_an_empty_name_is_unknown() -> None:
    assert not gazetteer().city_known("  ")


def test_a_country_filter_accepts_a_country_name() -> None:
    assert best("Leningrad", "Russia") == ("Saint Petersburg", "RUS")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Granada", "ESP"),  # not Nicaragua's
        ("Vancouver", "CAN"),  # not Washington State's
        ("Halifax", "CAN"),  # not Yorkshire's
        ("Ванкувере", "CAN"),
        ("Биаррице", "FRA"),
        ("Шарм-эль-Шейхе", "EGY"),
        ("Palm Beach", "USA"),  # not the Australian suburb GeoNames holds
        ("Мар-а-Лаго", "USA"),
    ],
)
def test_a_namesake_we_named_by_hand_is_the_one_meant(name: str, country: str) -> None:
    assert resolve_place(name).country == country


def test_namesakes_nobody_chose_between_stay_unresolved() -> None:
    assert resolve_place("Córdoba").kind == "ambiguous"  # Spain's or Argentina's
