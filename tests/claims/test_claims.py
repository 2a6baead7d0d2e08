"""Figures about visits in English and Russian news text, checked against a record built in
the test (tests/claims/world.py). One behaviour per test; each verdict is reached in both
languages."""

from __future__ import annotations

from pathlib import Path

import diplotrack as dt
from tests.claims.helpers import by_figure, claims, figure, leader_id, one, trip_dates
from tests.claims.world import HEADER, PUBLISHED
from tests.conftest import write

# --- counts ------------------------------------------------------------------------------


def test_en_count_of_visits_to_a_country_fills_the_whole_contract(world: dt.Record) -> None:
    text = "Putin has visited Kazakhstan 34 times."
    claim = one(world, text)
    assert figure(text, claim) == "34 times"
    assert claim["text"] == text
    assert claim["kind"] == "count"
    assert claim["leader"] == {"id": "vladimir-putin", "name": "Vladimir Putin"}
    assert (claim["country"], claim["city"], claim["office"]) == ("KAZ", None, None)
    assert (claim["since"], claim["until"]) == (None, PUBLISHED)
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (34, 34, "supported")
    assert claim["convention"] == "visits"
    assert "34" in claim["explanation"]
    assert len(claim["trips"]) == 34
    assert {t["country"] for t in claim["trips"]} == {"KAZ"}


def test_ru_count_with_number_in_digits_is_supported(world: dt.Record) -> None:
    text = "Владимир Путин посетил Казахстан 34 раза."
    claim = one(world, text)
    assert figure(text, claim) == "34 раза"
    assert leader_id(claim) == "vladimir-putin"
    assert (claim["country"], claim["claimed"], claim["found"]) == ("KAZ", 34, 34)
    assert claim["verdict"] == "supported"


def test_en_count_in_number_words_is_read(world: dt.Record) -> None:
    text = "Putin has visited Kazakhstan thirty-four times."
    claim = one(world, text)
    assert figure(text, claim) == "thirty-four times"
    assert (claim["claimed"], claim["verdict"]) == (34, "supported")


def test_ru_count_in_number_words_is_read(world: dt.Record) -> None:
    text = "Путин посетил Казахстан тридцать четыре раза."
    claim = one(world, text)
    assert figure(text, claim) == "тридцать четыре раза"
    assert (claim["claimed"], claim["verdict"]) == (34, "supported")


def test_en_his_n_trips_to_a_country_is_a_count(world: dt.Record) -> None:
    text = (
        "Tokayev arrived in Moscow on Friday. His 12 trips to Russia since the start of the "
        "war are more than those of any other Central Asian leader."
    )
    claim = one(world, text)
    assert figure(text, claim) == "12 trips"
    assert leader_id(claim) == "kassym-jomart-tokayev"
    assert (claim["country"], claim["since"]) == ("RUS", "2022-02-24")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (12, 12, "supported")


def test_ru_n_poezdok_to_a_country_is_a_count(world: dt.Record) -> None:
    text = "Токаев с начала войны совершил 12 поездок в Россию."
    claim = one(world, text)
    assert figure(text, claim).startswith("12 поездок")
    assert (claim["country"], claim["since"], claim["verdict"]) == (
        "RUS",
        "2022-02-24",
        "supported",
    )


def test_en_more_than_n_times_is_supported_by_a_larger_count(world: dt.Record) -> None:
    text = "Putin has visited Kazakhstan more than 30 times."
    claim = one(world, text)
    assert figure(text, claim) == "30 times"
    assert claim["bound"] == "more"
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (30, 34, "supported")


def test_ru_bolee_n_raz_is_supported_by_a_larger_count(world: dt.Record) -> None:
    text = "Путин посещал Казахстан более 30 раз."
    claim = one(world, text)
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (30, 34, "supported")


def test_en_over_n_times_is_contradicted_by_a_smaller_complete_count(world: dt.Record) -> None:
    claim = one(world, "Putin has visited Kazakhstan over 40 times.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (40, 34, "contradicted")


def test_en_dozens_of_times_is_supported_by_two_dozen_or_more(world: dt.Record) -> None:
    text = "Putin has visited Kazakhstan dozens of times."
    claim = one(world, text)
    assert figure(text, claim) == "dozens of times"
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (None, 34, "supported")


def test_ru_desyatki_raz_is_contradicted_by_eight_complete_visits(world: dt.Record) -> None:
    text = "Путин посещал Киргизию десятки раз."
    claim = one(world, text)
    assert figure(text, claim) == "десятки раз"
    assert (claim["country"], claim["found"], claim["verdict"]) == ("KGZ", 8, "contradicted")


def test_en_more_than_two_dozen_times_is_a_count(world: dt.Record) -> None:
    claim = one(world, "Putin has been to Kazakhstan more than two dozen times.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (24, 34, "supported")


def test_en_some_n_times_is_an_approximate_figure(world: dt.Record) -> None:
    claim = one(world, "Putin has visited Kazakhstan some 35 times.")
    assert claim["verdict"] == "supported"


# --- splits by office ----------------------------------------------------------------------


def test_en_split_by_office_gives_one_claim_per_office(world: dt.Record) -> None:
    text = "Putin has visited Kazakhstan 31 times as president and three times as prime minister."
    found = by_figure(text, claims(world, text))
    president = found["31 times as president"]
    premier = found["three times as prime minister"]
    assert (president["office"], president["found"], president["verdict"]) == (
        "President",
        31,
        "supported",
    )
    assert (premier["office"], premier["found"], premier["verdict"]) == (
        "Prime Minister",
        3,
        "supported",
    )
    assert {t["office"] for t in premier["trips"]} == {"Prime Minister"}


def test_ru_split_by_office_gives_one_claim_per_office(world: dt.Record) -> None:
    text = (
        "Путин посетил Казахстан 31 раз в качестве президента и три раза в качестве "
        "премьер-министра."
    )
    found = by_figure(text, claims(world, text))
    president = found["31 раз в качестве президента"]
    premier = found["три раза в качестве премьер-министра"]
    assert (president["office"], president["verdict"]) == ("President", "supported")
    assert (premier["office"], premier["claimed"], premier["verdict"]) == (
        "Prime Minister",
        3,
        "supported",
    )


def test_en_split_after_an_ordinal_without_unit_is_read(world: dt.Record) -> None:
    text = (
        "Vladimir Putin arrives in Kazakhstan on Wednesday. The visit is the president's 35th "
        "to the country: 31 as president and three as prime minister."
    )
    found = by_figure(text, claims(world, text))
    assert found["31 as president"]["verdict"] == "supported"
    assert found["three as prime minister"]["verdict"] == "supported"


def test_en_count_as_president_that_includes_the_other_office_is_close(world: dt.Record) -> None:
    claim = one(world, "Putin has been to Belarus 24 times as president.")
    assert (claim["office"], claim["found"], claim["verdict"]) == ("President", 20, "close")
    assert claim["convention"] == "counting every office, not only President"
    assert "counting every office" in claim["explanation"]


def test_ru_count_as_president_that_includes_the_other_office_is_close(world: dt.Record) -> None:
    claim = one(world, "Путин побывал в Белоруссии 24 раза в качестве президента.")
    assert (claim["found"], claim["verdict"]) == (20, "close")
    assert claim["convention"] == "counting every office, not only President"


def test_en_office_stated_before_the_figure_applies_to_it(world: dt.Record) -> None:
    claim = one(world, "As president, Putin has visited Belarus 20 times.")
    assert (claim["office"], claim["found"], claim["verdict"]) == ("President", 20, "supported")


def test_ru_office_stated_before_the_figure_applies_to_it(world: dt.Record) -> None:
    claim = one(world, "Будучи президентом, Путин побывал в Белоруссии 20 раз.")
    assert (claim["office"], claim["found"], claim["verdict"]) == ("President", 20, "supported")


# --- ordinals ------------------------------------------------------------------------------


def test_en_ordinal_of_a_planned_visit_is_the_number_it_would_get(world: dt.Record) -> None:
    text = "Putin arrives in Kazakhstan on Wednesday. It is his 35th visit to the country."
    claim = one(world, text)
    assert figure(text, claim) == "35th visit"
    assert claim["kind"] == "ordinal"
    assert claim["text"] == "It is his 35th visit to the country."
    assert (claim["country"], claim["claimed"], claim["found"]) == ("KAZ", 35, 35)
    assert claim["verdict"] == "supported"
    planned = claim["trips"][-1]
    assert (planned["start_date"], planned["status"]) == ("2025-05-28", "planned")


def test_ru_ordinal_in_words_is_read(world: dt.Record) -> None:
    text = "Это тридцать пятый визит Путина в Казахстан."
    claim = one(world, text)
    assert figure(text, claim) == "тридцать пятый визит"
    assert (claim["kind"], claim["claimed"], claim["verdict"]) == ("ordinal", 35, "supported")


def test_ru_ordinal_in_digits_is_read(world: dt.Record) -> None:
    text = "Путин прилетает в Астану в среду. «Это уже 35-й визит президента в Казахстан», — сказал Песков."  # noqa: E501
    claim = one(world, text)
    assert figure(text, claim) == "35-й визит"
    assert (leader_id(claim), claim["country"], claim["verdict"]) == (
        "vladimir-putin",
        "KAZ",
        "supported",
    )


def test_ru_leader_named_only_at_the_start_of_a_sentence_is_carried(world: dt.Record) -> None:
    claim = one(world, "Путин прилетает в среду. Это будет его 35-й визит в Казахстан.")
    assert (leader_id(claim), claim["claimed"], claim["verdict"]) == (
        "vladimir-putin",
        35,
        "supported",
    )


def test_en_wrong_ordinal_is_contradicted(world: dt.Record) -> None:
    claim = one(
        world, "Putin will be in Kazakhstan from Wednesday. It will be his 40th visit there."
    )
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (40, 35, "contradicted")


def test_ru_wrong_ordinal_is_contradicted(world: dt.Record) -> None:
    claim = one(world, "Это будет сороковой визит Путина в Казахстан.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (40, 35, "contradicted")


def test_en_ordinal_beyond_an_incomplete_record_is_unverifiable(world: dt.Record) -> None:
    claim = one(world, "Tokayev's next visit to Russia will be his 25th visit there.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (25, 20, "unverifiable")


def test_en_second_trip_this_year_counts_from_january(world: dt.Record) -> None:
    text = "Putin heads to Kazakhstan on Wednesday, his second visit this year."
    claim = one(world, text)
    assert figure(text, claim) == "second visit"
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2025-01-01", 2, "supported")


def test_ru_second_visit_this_year_counts_from_january(world: dt.Record) -> None:
    text = "Путин прилетает в Казахстан в среду. Это его второй визит в республику в этом году."
    claim = one(world, text)
    assert figure(text, claim) == "второй визит"
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2025-01-01", 2, "supported")


def test_en_first_visit_since_a_year_is_the_first_after_that_year(world: dt.Record) -> None:
    text = "Putin arrived in Tajikistan on Tuesday, his first visit to the country since 2019."
    claim = one(world, text, "2022-06-28")
    assert (claim["country"], claim["claimed"], claim["verdict"]) == ("TJK", 1, "supported")


def test_ru_first_visit_since_a_year_is_the_first_after_that_year(world: dt.Record) -> None:
    text = "Путин прилетел в Таджикистан — это его первый визит в страну с 2019 года."
    claim = one(world, text, "2022-06-28")
    assert (claim["country"], claim["claimed"], claim["verdict"]) == ("TJK", 1, "supported")


def test_en_ordinal_uses_the_country_it_names_not_an_earlier_city(world: dt.Record) -> None:
    claim = one(world, "Putin is in Astana for his 35th visit to Kazakhstan.")
    assert (claim["country"], claim["city"], claim["found"]) == ("KAZ", None, 35)
    assert claim["verdict"] == "supported"


def test_ru_ordinal_uses_the_country_it_names_not_an_earlier_city(world: dt.Record) -> None:
    claim = one(world, "Визит Путина в Астану станет его тридцать пятым визитом в Казахстан.")
    assert (claim["country"], claim["city"], claim["found"]) == ("KAZ", None, 35)
    assert claim["verdict"] == "supported"


def test_en_for_the_nth_time_is_an_ordinal(world: dt.Record) -> None:
    claim = one(world, "Putin will visit Kazakhstan for the 35th time on Wednesday.")
    assert (claim["kind"], claim["claimed"], claim["verdict"]) == ("ordinal", 35, "supported")


def test_ru_v_nyj_raz_is_an_ordinal(world: dt.Record) -> None:
    claim = one(world, "Путин в тридцать пятый раз посетит Казахстан.")
    assert (claim["kind"], claim["claimed"], claim["verdict"]) == ("ordinal", 35, "supported")


def test_en_bare_ordinal_after_a_visit_is_an_ordinal(world: dt.Record) -> None:
    claim = one(world, "Tokayev's next trip to Russia will be his 25th.")
    assert (claim["claimed"], claim["verdict"]) == (25, "unverifiable")


def test_en_ordinal_of_a_dated_past_visit_is_judged_on_that_visit(world: dt.Record) -> None:
    claim = one(world, "Putin made his first visit to Kazakhstan in 1999, as prime minister.")
    assert claim["verdict"] == "supported"


# --- windows -------------------------------------------------------------------------------


def test_en_since_the_start_of_the_war_opens_at_the_invasion(world: dt.Record) -> None:
    text = "Since the start of the war, Putin has visited Kazakhstan four times."
    claim = one(world, text)
    assert (claim["since"], claim["until"]) == ("2022-02-24", PUBLISHED)
    assert (claim["found"], claim["verdict"]) == (4, "supported")
    assert all(d >= "2022-02-24" for d in trip_dates(claim))


def test_ru_s_nachala_voyny_opens_at_the_invasion(world: dt.Record) -> None:
    claim = one(world, "С начала войны Путин четыре раза побывал в Казахстане.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2022-02-24", 4, "supported")


def test_en_since_the_icc_warrant_uses_the_named_events_table(world: dt.Record) -> None:
    claim = one(world, "Since the ICC arrest warrant, Putin has been to Kazakhstan three times.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2023-03-17", 3, "supported")


def test_ru_posle_ordera_mus_uses_the_named_events_table(world: dt.Record) -> None:
    claim = one(world, "После выдачи ордера МУС Путин трижды побывал в Казахстане.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2023-03-17", 3, "supported")


def test_en_since_taking_office_starts_at_the_current_tenure(world: dt.Record) -> None:
    claim = one(world, "Tokayev has visited Russia 17 times since taking office.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2019-03-20", 17, "supported")


def test_ru_posle_vstupleniya_v_dolzhnost_starts_at_the_current_tenure(world: dt.Record) -> None:
    claim = one(world, "После вступления в должность Токаев посетил Россию 17 раз.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2019-03-20", 17, "supported")


def test_ru_s_momenta_vstupleniya_v_dolzhnost_starts_at_the_tenure(world: dt.Record) -> None:
    claim = one(world, "С момента вступления в должность Токаев посетил Россию 17 раз.")
    assert (claim["since"], claim["verdict"]) == ("2019-03-20", "supported")


def test_en_this_year_counts_from_january_first(world: dt.Record) -> None:
    claim = one(world, "Tokayev has visited Russia twice this year.")
    assert (claim["since"], claim["until"]) == ("2025-01-01", PUBLISHED)
    assert (claim["found"], claim["verdict"]) == (2, "supported")


def test_ru_v_etom_godu_counts_from_january_first(world: dt.Record) -> None:
    claim = one(world, "В этом году Токаев дважды побывал в России.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2025-01-01", 2, "supported")


def test_en_in_a_year_is_that_calendar_year(world: dt.Record) -> None:
    claim = one(world, "In 2023 Putin visited Kyrgyzstan twice.")
    assert (claim["since"], claim["until"]) == ("2023-01-01", "2023-12-31")
    assert (claim["found"], claim["verdict"]) == (2, "supported")


def test_ru_v_godu_is_that_calendar_year(world: dt.Record) -> None:
    claim = one(world, "В 2023 году Путин дважды побывал в Киргизии.")
    assert (claim["since"], claim["until"]) == ("2023-01-01", "2023-12-31")
    assert claim["verdict"] == "supported"


def test_en_window_carries_over_to_the_next_sentence(world: dt.Record) -> None:
    text = (
        "Since the start of the war, Putin has visited Kazakhstan four times. "
        "He has been to Belarus twice."
    )
    belarus = by_figure(text, claims(world, text))["twice"]
    assert (belarus["country"], belarus["since"]) == ("BLR", "2022-02-24")
    assert (belarus["found"], belarus["verdict"]) == (2, "supported")


def test_ru_window_carries_over_to_the_next_sentence(world: dt.Record) -> None:
    text = (
        "С начала войны Путин трижды побывал в Астане. "
        "Токаев за это время приезжал в Россию двенадцать раз."
    )
    tokayev = by_figure(text, claims(world, text))["двенадцать раз"]
    assert (leader_id(tokayev), tokayev["since"]) == ("kassym-jomart-tokayev", "2022-02-24")
    assert (tokayev["claimed"], tokayev["found"], tokayev["verdict"]) == (12, 12, "supported")


def test_en_window_does_not_carry_over_to_a_new_paragraph(world: dt.Record) -> None:
    text = (
        "Since the start of the war, Putin has visited Kazakhstan four times.\n\n"
        "Putin has visited Belarus 24 times."
    )
    belarus = by_figure(text, claims(world, text))["24 times"]
    assert (belarus["since"], belarus["found"], belarus["verdict"]) == (None, 24, "supported")


def test_en_in_all_ends_a_carried_window(world: dt.Record) -> None:
    text = (
        "Since the start of the war, Putin has visited Astana three times. "
        "In all, he has been to Kazakhstan 34 times."
    )
    total = by_figure(text, claims(world, text))["34 times"]
    assert (total["since"], total["verdict"]) == (None, "supported")


def test_ru_vsego_ends_a_carried_window(world: dt.Record) -> None:
    text = "С начала войны Путин трижды побывал в Астане. Всего же он бывал в Казахстане 34 раза."
    total = by_figure(text, claims(world, text))["34 раза"]
    assert (total["since"], total["verdict"]) == (None, "supported")


def test_en_window_stated_mid_sentence_does_not_reach_back(world: dt.Record) -> None:
    text = (
        "The visit starting Wednesday is Vladimir Putin's 35th to Kazakhstan: 31 as president "
        "and 3 as prime minister; he has been to Belarus only 24 times; since the war began he "
        "has visited Astana three times, while his host has come to Russia twelve times."
    )
    found = by_figure(text, claims(world, text))
    for early in ("35th", "31 as president", "3 as prime minister", "24 times"):
        assert (found[early]["since"], found[early]["verdict"]) == (None, "supported"), early
    assert found["three times"]["since"] == "2022-02-24"


# --- places as cities --------------------------------------------------------------------


def test_en_city_counts_visits_that_include_that_city(world: dt.Record) -> None:
    text = "Since the start of the war, Putin has visited Astana three times."
    claim = one(world, text)
    assert (claim["country"], claim["city"]) == ("KAZ", "Astana")
    assert (claim["found"], claim["verdict"]) == (3, "supported")
    assert all("Astana" in t["cities"] for t in claim["trips"])


def test_ru_city_in_locative_case_is_read(world: dt.Record) -> None:
    claim = one(world, "С начала войны Путин трижды побывал в Астане.")
    assert (claim["country"], claim["city"]) == ("KAZ", "Astana")
    assert (claim["claimed"], claim["verdict"]) == (3, "supported")


def test_en_city_figure_that_counts_the_whole_country_is_close(world: dt.Record) -> None:
    claim = one(world, "Since the start of the war, Putin has visited Astana four times.")
    assert (claim["found"], claim["verdict"]) == (3, "close")
    assert claim["convention"] == "counting visits to the whole country"


def test_ru_city_figure_that_counts_the_whole_country_is_close(world: dt.Record) -> None:
    claim = one(world, "С начала войны Путин четыре раза побывал в Астане.")
    assert (claim["found"], claim["verdict"]) == (3, "close")
    assert claim["convention"] == "counting visits to the whole country"


def test_ru_place_before_the_leader_name_is_read(world: dt.Record) -> None:
    claim = one(world, "В Казахстане Путин бывал 34 раза.")
    assert (claim["country"], claim["verdict"]) == ("KAZ", "supported")


# --- superlatives ------------------------------------------------------------------------


def test_en_more_often_than_anywhere_else_is_supported_for_the_top_country(
    world: dt.Record,
) -> None:
    text = "Kazakhstan is the country Putin has visited more often than anywhere else."
    claim = one(world, text)
    assert figure(text, claim) == "more often than anywhere else"
    assert (claim["kind"], claim["country"], claim["found"]) == ("superlative", "KAZ", 34)
    assert claim["verdict"] == "supported"


def test_en_most_visited_country_is_contradicted_for_another_country(world: dt.Record) -> None:
    claim = one(world, "Belarus is Putin's most visited country.")
    assert (claim["kind"], claim["country"], claim["verdict"]) == (
        "superlative",
        "BLR",
        "contradicted",
    )
    assert "KAZ" in claim["explanation"]


def test_ru_chashche_vsego_is_supported_for_the_top_country(world: dt.Record) -> None:
    text = "Казахстан — страна, которую Путин посещал чаще всего."
    claim = one(world, text)
    assert figure(text, claim) == "чаще всего"
    assert (claim["country"], claim["verdict"]) == ("KAZ", "supported")


def test_ru_chashche_chem_v_lyubuyu_is_contradicted_for_another_country(
    world: dt.Record,
) -> None:
    text = "Путин побывал в Белоруссии 24 раза — чаще, чем в любую другую страну."
    found = claims(world, text)
    superlative = next(c for c in found if c["kind"] == "superlative")
    assert (superlative["country"], superlative["verdict"]) == ("BLR", "contradicted")


def test_en_more_than_to_any_other_country_is_a_superlative(world: dt.Record) -> None:
    text = "Putin has travelled to Belarus 24 times, more than to any other country."
    superlative = [c for c in claims(world, text) if c["kind"] == "superlative"]
    assert [(c["country"], c["verdict"]) for c in superlative] == [("BLR", "contradicted")]


# --- the host's figures ------------------------------------------------------------------


def test_en_his_host_in_the_same_sentence_is_the_leader_of_the_country_visited(
    world: dt.Record,
) -> None:
    text = (
        "Since the start of the war, Putin has visited Astana three times, while his host has "
        "come to Russia twelve times."
    )
    host = by_figure(text, claims(world, text))["twelve times"]
    assert host["leader"] == {"id": "kassym-jomart-tokayev", "name": "Kassym-Jomart Tokayev"}
    assert (host["country"], host["since"], host["claimed"]) == ("RUS", "2022-02-24", 12)
    assert host["verdict"] == "supported"


def test_ru_khozyain_vstrechi_is_the_leader_of_the_country_visited(world: dt.Record) -> None:
    text = (
        "С начала войны Путин трижды побывал в Астане, а хозяин встречи за это время "
        "приезжал в Россию двенадцать раз."
    )
    host = by_figure(text, claims(world, text))["двенадцать раз"]
    assert (leader_id(host), host["country"], host["verdict"]) == (
        "kassym-jomart-tokayev",
        "RUS",
        "supported",
    )


def test_en_host_named_by_title_in_the_next_sentence(world: dt.Record) -> None:
    text = (
        "Since the start of the war, Putin has visited Astana three times. "
        "The Kazakh president has come to Russia twelve times."
    )
    host = by_figure(text, claims(world, text))["twelve times"]
    assert (leader_id(host), host["since"], host["verdict"]) == (
        "kassym-jomart-tokayev",
        "2022-02-24",
        "supported",
    )


# --- judged as of the publication date -----------------------------------------------------


def test_en_trips_after_publication_do_not_count(world: dt.Record) -> None:
    claim = one(world, "Putin has visited Kazakhstan 34 times.", "2025-05-27")
    assert claim["found"] == 34
    assert max(trip_dates(claim)) <= "2025-05-27"
    assert "2025-09-15" not in trip_dates(claim)


def test_en_a_later_publication_date_counts_the_later_trip(world: dt.Record) -> None:
    claim = one(world, "Putin has visited Kazakhstan 35 times.", "2025-10-01")
    assert (claim["until"], claim["found"], claim["verdict"]) == ("2025-10-01", 35, "supported")


def test_ru_same_figure_is_off_by_one_before_the_later_trip(world: dt.Record) -> None:
    claim = one(world, "Путин посетил Казахстан 35 раз.", "2025-05-27")
    assert (claim["found"], claim["verdict"], claim["convention"]) == (34, "close", "off by 1")


# --- verdicts: close under a named convention, contradicted, unverifiable -------------------


def test_en_only_n_visits_that_counts_stops_is_close_and_names_it(world: dt.Record) -> None:
    text = "Putin has made only 27 visits to Belarus."
    claim = one(world, text)
    assert figure(text, claim) == "27 visits"
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (27, 24, "close")
    assert claim["convention"] == "counting stops instead of visits"
    assert "counting stops instead of visits" in claim["explanation"]


def test_ru_visits_that_count_stops_are_close_and_named(world: dt.Record) -> None:
    text = "Путин совершил 27 визитов в Белоруссию."
    claim = one(world, text)
    assert figure(text, claim) == "27 визитов"
    assert (claim["found"], claim["verdict"]) == (24, "close")
    assert claim["convention"] == "counting stops instead of visits"


def test_en_count_that_leaves_out_summits_is_close_and_names_it(world: dt.Record) -> None:
    claim = one(world, "Putin has been to Kyrgyzstan three times.")
    assert (claim["found"], claim["verdict"], claim["convention"]) == (
        8,
        "close",
        "summits left out",
    )


def test_ru_count_that_leaves_out_summits_is_close_and_names_it(world: dt.Record) -> None:
    claim = one(world, "Путин побывал в Киргизии три раза.")
    assert (claim["verdict"], claim["convention"]) == ("close", "summits left out")


def test_en_count_off_by_two_is_close(world: dt.Record) -> None:
    claim = one(world, "Lukashenko has visited Russia 11 times since the start of the war.")
    assert (claim["found"], claim["verdict"], claim["convention"]) == (9, "close", "off by 2")


def test_en_count_far_from_a_complete_record_is_contradicted(world: dt.Record) -> None:
    claim = one(world, "Putin has been to Belarus 40 times.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (40, 24, "contradicted")


def test_ru_count_far_from_a_complete_record_is_contradicted(world: dt.Record) -> None:
    text = "Путин был в Белоруссии сорок раз."
    claim = one(world, text)
    assert figure(text, claim) == "сорок раз"
    assert (claim["claimed"], claim["verdict"]) == (40, "contradicted")


def test_en_count_above_an_incomplete_record_is_unverifiable(world: dt.Record) -> None:
    claim = one(world, "Tokayev has visited Russia 25 times.")
    assert (claim["claimed"], claim["found"], claim["verdict"]) == (25, 19, "unverifiable")
    assert "at least" in claim["convention"]


def test_ru_count_above_an_incomplete_record_is_unverifiable(world: dt.Record) -> None:
    claim = one(world, "Токаев побывал в России 25 раз.")
    assert (claim["found"], claim["verdict"]) == (19, "unverifiable")


def test_en_matching_count_without_coverage_is_supported_as_at_least(world: dt.Record) -> None:
    claim = one(world, "Tokayev has made 19 trips to Russia.")
    assert (claim["found"], claim["verdict"]) == (19, "supported")
    assert "at least" in claim["convention"]


def test_en_coverage_declared_for_the_window_makes_a_wrong_count_contradicted(
    world: dt.Record,
) -> None:
    claim = one(world, "Lukashenko has visited Russia 15 times since the start of the war.")
    assert (claim["found"], claim["verdict"]) == (9, "contradicted")


def test_en_same_figure_outside_the_declared_coverage_is_unverifiable(world: dt.Record) -> None:
    claim = one(world, "Lukashenko has visited Russia 15 times.")
    assert (claim["found"], claim["verdict"]) == (10, "unverifiable")


def test_ru_coverage_declared_for_the_window_makes_a_wrong_count_contradicted(
    world: dt.Record,
) -> None:
    claim = one(world, "Лукашенко с начала войны приезжал в Россию 15 раз.")
    assert (claim["since"], claim["found"], claim["verdict"]) == ("2022-02-24", 9, "contradicted")


def test_en_dozens_above_an_incomplete_record_is_unverifiable(world: dt.Record) -> None:
    claim = one(world, "Tokayev has visited Russia dozens of times.")
    assert (claim["found"], claim["verdict"]) == (19, "unverifiable")


# --- English-only checks on small records of US presidents -----------------------------------


def _us_record(rec: dt.Record, tmp_path: Path, rows: list[tuple[str, str, str]]) -> None:
    body = "".join(f"{who},USA,,{day},,{where},,,,,\n" for who, day, where in rows)
    rec.import_file("table", write(tmp_path / "us.csv", HEADER + body))


def test_en_united_kingdom_is_a_place(rec: dt.Record, tmp_path: Path) -> None:
    _us_record(
        rec,
        tmp_path,
        [
            ("Joe Biden", "2022-03-25", "Poland"),
            ("Joe Biden", "2023-02-21", "Poland"),
            ("Joe Biden", "2022-09-18", "United Kingdom"),
            ("Joe Biden", "2023-04-11", "United Kingdom"),
            ("Joe Biden", "2023-07-09", "United Kingdom"),
        ],
    )
    text = (
        "Since the start of the war in Ukraine, Biden has been to Poland twice and to the "
        "United Kingdom three times."
    )
    uk = by_figure(text, claims(rec, text, "2024-10-18"))["three times"]
    assert (uk["country"], uk["found"], uk["verdict"]) == ("GBR", 3, "supported")


def test_en_white_house_is_not_a_destination(rec: dt.Record, tmp_path: Path) -> None:
    rows = [("Barack Obama", f"20{y:02d}-06-01", "Germany") for y in range(9, 16)]
    rows += [("Barack Obama", "2010-03-01", "France")]
    _us_record(rec, tmp_path, rows)
    text = (
        "Barack Obama came to Germany seven times while in the White House, more often than "
        "anywhere else."
    )
    superlative = next(c for c in claims(rec, text, "2016-01-01") if c["kind"] == "superlative")
    assert (superlative["country"], superlative["verdict"]) == ("DEU", "supported")


def test_en_middle_initial_does_not_end_a_sentence(rec: dt.Record, tmp_path: Path) -> None:
    rows = [("Barack Obama", f"20{y:02d}-06-01", "Germany") for y in range(9, 16)]
    rows += [("George W. Bush", f"200{y}-05-01", "Germany") for y in range(2, 7)]
    _us_record(rec, tmp_path, rows)
    text = "Barack Obama came to Germany seven times, and George W. Bush five times."
    bush = by_figure(text, claims(rec, text, "2016-01-01"))["five times"]
    assert (leader_id(bush), bush["country"], bush["verdict"]) == (
        "george-w-bush",
        "DEU",
        "supported",
    )
