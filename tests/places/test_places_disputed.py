"""Disputed places: lookup by name or alias, and the country each counting policy gives."""

from __future__ import annotations

import pytest

from diplotrack.places import gazetteer
from diplotrack.places.disputed import (
    POLICIES,
    Disputed,
    all_disputed,
    country_under,
    disputed,
    disputed_by_id,
    policy_note,
)

USER_ASSIGNED = {"XAB", "XSO", "XTR", "XNC"}


def place(text: str) -> Disputed:
    found = disputed(text)
    assert found is not None, text
    return found


@pytest.mark.parametrize("text", ["Sevastopol", "Севастополь", "Crimea", "Крым", "simferopol"])
def test_crimean_names_resolve_to_crimea(text: str) -> None:
    assert place(text).id == "crimea"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Donetsk", "donetsk"),
        ("Донецк", "donetsk"),
        ("Mariupol", "donetsk"),
        ("Lugansk", "luhansk"),
        ("Луганск", "luhansk"),
        ("Zaporizhzhia region", "zaporizhzhia"),
        ("Херсонская область", "kherson"),
        ("Sokhumi", "abkhazia"),
        ("Сухум", "abkhazia"),
        ("Цхинвал", "south-ossetia"),
        ("Тирасполь", "transnistria"),
        ("Lefkoşa", "northern-cyprus"),
        ("North Nicosia", "northern-cyprus"),
        ("Laayoune", "western-sahara"),
        ("Golan Heights", "golan-heights"),
        ("Gaza Strip", "gaza"),
        ("Ramallah", "west-bank"),
    ],
)
def test_names_and_aliases_resolve(text: str, place_id: str) -> None:
    assert place(text).id == place_id


@pytest.mark.parametrize(
    "text", ["Kherson", "Zaporizhzhia", "Запорожье", "Nicosia", "Jerusalem", "Moscow", ""]
)
def test_cities_outside_the_disputed_part_are_not_aliases(text: str) -> None:
    assert disputed(text) is None


@pytest.mark.parametrize("place_id", ["crimea", "kherson", "zaporizhzhia", "golan-heights"])
def test_every_id_finds_its_place(place_id: str) -> None:
    found = disputed_by_id(place_id)
    assert found is not None and found.id == place_id


def test_country_under_de_jure_gives_the_de_jure_state() -> None:
    assert country_under(place("Sevastopol"), "de-jure") == "UKR"


def test_country_under_de_facto_gives_the_holder() -> None:
    assert country_under(place("Sevastopol"), "de-facto") == "RUS"


def test_country_under_de_facto_gives_a_user_assigned_code_to_a_self_held_place() -> None:
    assert country_under(place("Abkhazia"), "de-facto") == "XAB"


@pytest.mark.parametrize("policy", ["de facto", "DE-JURE", "", "occupier"])
def test_an_unknown_policy_raises(policy: str) -> None:
    with pytest.raises(ValueError, match="unknown policy"):
        country_under(place("Crimea"), policy)


def test_policy_note_rejects_an_unknown_policy() -> None:
    with pytest.raises(ValueError, match="unknown policy"):
        policy_note(place("Crimea"), "both")


@pytest.mark.parametrize(
    ("text", "policy", "note"),
    [
        (
            "Crimea",
            "de-jure",
            "Crimea counted as Ukraine (policy: de-jure; de facto under Russia since 2014-03-18)",
        ),
        (
            "Crimea",
            "de-facto",
            "Crimea counted as Russia (policy: de-facto; under Russia since 2014-03-18,"
            " de jure Ukraine)",
        ),
        (
            "Abkhazia",
            "de-facto",
            "Abkhazia counted separately (policy: de-facto; self-governing since 1993-09-30,"
            " de jure Georgia)",
        ),
        (
            "Gaza",
            "de-facto",
            "Gaza Strip counted as Palestine (policy: de-facto; the same under either policy)",
        ),
    ],
)
def test_policy_note_states_the_policy_and_the_alternative(
    text: str, policy: str, note: str
) -> None:
    assert policy_note(place(text), policy) == note


def test_every_place_has_a_note_for_every_policy() -> None:
    notes = [policy_note(p, policy) for p in all_disputed() for policy in POLICIES]
    assert all(note.startswith(tuple(p.name for p in all_disputed())) for note in notes)


def test_every_code_is_a_gazetteer_country_or_user_assigned() -> None:
    known = {country.iso3 for country in gazetteer().countries()} | USER_ASSIGNED
    codes = {code for p in all_disputed() for code in (p.de_jure, p.de_facto)}
    assert codes - known == set()


def test_user_assigned_codes_are_not_gazetteer_countries() -> None:
    known = {country.iso3 for country in gazetteer().countries()}
    assert USER_ASSIGNED & known == set()


def test_every_place_has_a_source_and_an_iso_since_date_when_held_by_another() -> None:
    places = [p for p in all_disputed() if p.de_jure != p.de_facto]
    assert all(p.source and p.since and len(p.since) == 10 for p in places)


def test_ids_are_unique() -> None:
    ids = [p.id for p in all_disputed()]
    assert len(ids) == len(set(ids))
