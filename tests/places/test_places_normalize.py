"""normalize_name: the key every place lookup uses."""

from __future__ import annotations

import pytest

from diplotrack.places import normalize_name
from diplotrack.places.normalize import loose_key, loose_lines, normalize_lines


def test_casefolds() -> None:
    assert normalize_name("KAZAKHSTAN") == "kazakhstan"


def test_strips_latin_accents() -> None:
    assert normalize_name("São Tomé and Príncipe") == "sao tome and principe"


def test_folds_latin_letters_without_a_decomposition() -> None:
    assert normalize_name("Łódź") == "lodz"


def test_keeps_cyrillic_short_i_and_ukrainian_yi() -> None:
    assert normalize_name("Йошкар-Ола Київ") == "йошкар ола київ"


def test_folds_cyrillic_yo_to_ye() -> None:
    assert normalize_name("Кишинёв") == normalize_name("Кишинев") == "кишинев"


def test_drops_stress_marks_on_cyrillic() -> None:
    assert normalize_name("Исламская Респу́блика") == "исламская республика"


@pytest.mark.parametrize(
    "text", ["Cote d\u2019Ivoire", "Cote d\u2018Ivoire", "Cote d`Ivoire", "Cote d'Ivoire"]
)
def test_unifies_apostrophes(text: str) -> None:
    assert normalize_name(text) == "cote d'ivoire"


def test_collapses_punctuation_to_single_spaces() -> None:
    assert (
        normalize_name("Bosnia-Herzegovina (Federation),  etc.")
        == "bosnia herzegovina federation etc"
    )


def test_collapses_dotted_abbreviations_to_letters() -> None:
    assert normalize_name("U.S.S.R.") == "u s s r"


def test_drops_a_leading_the() -> None:
    assert normalize_name("The Gambia") == "gambia"


def test_keeps_a_the_inside_a_name() -> None:
    assert normalize_name("Saint Vincent and the Grenadines") == "saint vincent and the grenadines"


def test_keeps_words_starting_with_the() -> None:
    assert normalize_name("Theodore") == "theodore"


def test_trims_surrounding_whitespace() -> None:
    assert normalize_name("  Niger \t") == "niger"


def test_joins_lines_of_a_multiline_name() -> None:
    assert normalize_name("North\nMacedonia") == "north macedonia"


def test_normalize_lines_keeps_one_key_per_line() -> None:
    assert normalize_lines("The Hague\n\nSão Paulo") == ["hague", "", "sao paulo"]


def test_loose_key_drops_and_and_the_and_spells_out_saint() -> None:
    assert loose_key("st vincent and the grenadines") == "saint vincent grenadines"


def test_loose_lines_agrees_with_loose_key() -> None:
    keys = [
        "st kitts and nevis",
        "the",
        "and the st",
        "stanley",
        "ste marie",
        "босния и герцеговина",
    ]
    assert loose_lines("\n".join(keys)) == [loose_key(key) for key in keys]
