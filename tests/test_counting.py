"""Counting conventions (docs/counting.md), each on a record built in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplotrack as dt
from diplotrack.errors import Ambiguous, NotFound
from tests.conftest import write

HEADER = (
    "leader,leader_country,office,start_date,end_date,country,cities,kind,occasion,status,trip\n"
)


def load(rec: dt.Record, tmp_path: Path, rows: str) -> None:
    path = write(tmp_path / "trips.csv", HEADER + rows)
    rec.import_file("table", path)


PUTIN_ROWS = (
    "Vladimir Putin,RUS,,1999-11-01,,Kazakhstan,Astana,,,,\n"  # PM
    "Vladimir Putin,RUS,,2000-01-10,,Kazakhstan,Almaty,,,,\n"  # acting President and PM
    "Vladimir Putin,RUS,,2004-05-20,,Kazakhstan,Astana;Almaty,,,,\n"
    "Vladimir Putin,RUS,,2010-03-01,,Kazakhstan,Astana,,,,\n"  # PM again
    "Vladimir Putin,RUS,,2024-11-27,,Kazakhstan,Astana,state,,,\n"
    "Vladimir Putin,RUS,,2023-10-12,,Kyrgyzstan,Bishkek,,,,t1\n"
    "Vladimir Putin,RUS,,2023-10-13,,Kyrgyzstan,Bishkek,,,,t1\n"
    "Vladimir Putin,RUS,,2026-12-20,,Kazakhstan,Astana,,,planned,\n"
    "Vladimir Putin,RUS,,2025-05-01,,Kazakhstan,,,,cancelled,\n"
)


def test_top_splits_visits_by_the_office_held_on_the_trip_date(
    rec: dt.Record, tmp_path: Path
) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    rows = {r["country"]: r for r in rec.top("Putin").to_dict()["rows"]}
    assert rows["KAZ"]["visits"] == 5
    assert rows["KAZ"]["by_office"] == {"President": 3, "Prime Minister": 2}


def test_an_acting_office_counts_under_its_title_and_is_marked(
    rec: dt.Record, tmp_path: Path
) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    visit = next(v for v in rec.trips("Putin", to="KAZ").visits if v.start_date == "2000-01-10")
    assert (visit.office.title, visit.office.acting) == ("President", True)


def test_two_stops_in_one_country_on_one_trip_are_one_visit(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    rows = {r["country"]: r for r in rec.top("Putin").to_dict()["rows"]}
    assert rows["KGZ"]["visits"] == 1


def test_count_stops_counts_each_stop(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    rows = {r["country"]: r for r in rec.top("Putin", count="stops").to_dict()["rows"]}
    assert rows["KGZ"]["stops"] == 2


def test_count_days_counts_distinct_days(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2019-04-25,2019-04-27,China,Beijing,,,,\n")
    rows = rec.top("Putin", count="days").to_dict()["rows"]
    assert rows[0]["days"] == 3


def test_planned_and_cancelled_trips_do_not_count(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    rows = {r["country"]: r for r in rec.top("Putin").to_dict()["rows"]}
    assert rows["KAZ"]["visits"] == 5


def test_a_planned_trip_gets_the_number_it_would_have(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    planned = rec.trips("Putin", to="KAZ", status="planned").visits
    assert [v.n for v in planned] == [6]


def test_cancelled_trips_get_no_number(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    cancelled = rec.trips("Putin", to="KAZ", status="cancelled").visits
    assert [v.n for v in cancelled] == [None]


def test_ordinals_number_visits_per_country_across_offices(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    occurred = rec.trips("Putin", to="KAZ", status="occurred").visits
    assert [(v.n, v.start_date) for v in occurred] == [
        (1, "1999-11-01"),
        (2, "2000-01-10"),
        (3, "2004-05-20"),
        (4, "2010-03-01"),
        (5, "2024-11-27"),
    ]


def test_windows_are_inclusive_on_the_start_date(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    result = rec.top("Putin", since="2004-05-20", until="2010-03-01")
    assert {r.key: r.visits for r in result.rows} == {"KAZ": 2}


def test_office_filter_counts_one_title(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    result = rec.top("Putin", office="Prime Minister")
    assert {r.key: r.visits for r in result.rows} == {"KAZ": 2}


def test_a_partial_date_before_the_window_is_excluded(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,1999,,Belarus,,,,,\n")
    result = rec.top("Putin", since="2000-01-01")
    assert (result.rows, result.uncertain) == ([], [])


def test_a_partial_date_straddling_the_window_is_uncertain(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,1999,,Belarus,,,,,\n")
    result = rec.top("Putin", since="1999-06-01")
    assert result.rows == []
    assert [v.country for v in result.uncertain] == ["BLR"]


def test_office_of_a_partial_date_spanning_tenures_is_marked_uncertain(
    rec: dt.Record, tmp_path: Path
) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2008-05,,Belarus,,,,,\n")
    visit = rec.trips("Putin").visits[0]
    assert (visit.office.title, visit.office.uncertain) == ("Prime Minister", True)


def test_office_of_a_partial_date_inside_one_tenure_is_certain(
    rec: dt.Record, tmp_path: Path
) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2005-06,,Belarus,,,,,\n")
    visit = rec.trips("Putin").visits[0]
    assert (visit.office.title, visit.office.uncertain) == ("President", False)


def test_transit_stops_are_not_visits_unless_asked(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2018-07-15,,Finland,Helsinki,transit,,,\n")
    assert rec.top("Putin").rows == []
    assert [r.key for r in rec.top("Putin", include_transit=True).rows] == ["FIN"]


def test_a_summit_is_a_visit_to_the_host_country(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2024-07-03,,Kazakhstan,Astana,summit,SCO summit,,\n")
    assert [r.key for r in rec.top("Putin").rows] == ["KAZ"]


def test_explain_lists_the_trips_behind_each_count(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    row = next(r for r in rec.top("Putin").to_dict(explain=True)["rows"] if r["country"] == "KAZ")
    assert len(row["trips"]) == row["visits"]
    assert all(t["sources"] for t in row["trips"])


def test_visitors_counts_leaders_and_leaves_out_ministers(rec: dt.Record, tmp_path: Path) -> None:
    load(
        rec,
        tmp_path,
        PUTIN_ROWS + "Sergey Lavrov,RUS,Foreign Minister,2024-05-01,,Kazakhstan,Astana,,,,\n",
    )
    result = rec.visitors("Kazakhstan")
    assert [(r.name, r.visits) for r in result.rows] == [("Vladimir Putin", 5)]
    assert result.left_out == 1
    assert "Sergey Lavrov" in [r.name for r in rec.visitors("KZ", all_roles=True).rows]


def test_visitors_leaves_out_home_trips(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Kassym-Jomart Tokayev,KAZ,,2023-01-10,,Kazakhstan,Almaty,,,,\n")
    assert rec.visitors("Kazakhstan").rows == []


def test_pair_counts_visits_each_way_per_year(rec: dt.Record, tmp_path: Path) -> None:
    load(
        rec,
        tmp_path,
        PUTIN_ROWS + "Kassym-Jomart Tokayev,KAZ,,2023-10-10,,Russia,Moscow,,,,\n"
        "Kassym-Jomart Tokayev,KAZ,,2023-06-01,,Russia,Sochi,,,,\n",
    )
    data = rec.pair("Russia", "Kazakhstan").to_dict()
    years = {r["year"]: (r["a_to_b"], r["b_to_a"]) for r in data["rows"]}
    assert years[2023] == (0, 2)
    assert years[2024] == (1, 0)
    assert data["totals"] == {"a_to_b": 5, "b_to_a": 2}


def test_an_ambiguous_name_lists_the_candidates(rec: dt.Record) -> None:
    with pytest.raises(Ambiguous) as caught:
        rec.leader("Bush")
    assert set(caught.value.candidates) == {"george-h-w-bush", "george-w-bush"}


def test_an_unknown_name_suggests_close_names(rec: dt.Record) -> None:
    with pytest.raises(NotFound, match=r"did you mean .*Vladimir Putin"):
        rec.leader("Vladimir Putn")


@pytest.mark.parametrize("name", ["Путин", "vladimir-putin", "wikidata:Q7747", "PUTIN"])
def test_leaders_answer_to_aliases_ids_and_external_ids(rec: dt.Record, name: str) -> None:
    assert rec.leader(name).id == "vladimir-putin"


def test_results_convert_to_pandas(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, PUTIN_ROWS)
    frame = rec.top("Putin").to_pandas()
    assert list(frame["country"]) == ["KAZ", "KGZ"]
    assert len(rec.trips("Putin").to_pandas()) == 8


CENTRAL_ASIA_ROWS = (
    "Vladimir Putin,RUS,,2010-03-01,,Uzbekistan,Tashkent,,,,\n"
    "Vladimir Putin,RUS,,2013-05-01,,Uzbekistan,Tashkent,,,,\n"
    "Vladimir Putin,RUS,,2019-05-01,,Armenia,Yerevan,,,,\n"
    "Vladimir Putin,RUS,,2019-06-01,,Finland,Helsinki,,,,\n"
)


def test_group_membership_is_judged_on_each_trip_date(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, CENTRAL_ASIA_ROWS)
    result = rec.top("Putin", to="group:CSTO")
    assert {r.key: r.visits for r in result.rows} == {"UZB": 1, "ARM": 1}
    assert [v.start_date for v in result.rows[0].explain + result.rows[1].explain if
            v.country == "UZB"] == ["2010-03-01"]


def test_regions_have_fixed_members(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, CENTRAL_ASIA_ROWS)
    result = rec.top("Putin", to="region:central-asia")
    assert {r.key: r.visits for r in result.rows} == {"UZB": 2}


def test_groups_answer_to_russian_names(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, CENTRAL_ASIA_ROWS)
    assert [v.country for v in rec.trips("Putin", to="ОДКБ").visits] == ["UZB", "ARM"]


def test_visitors_of_a_group_counts_visits_to_its_members(rec: dt.Record,
                                                           tmp_path: Path) -> None:
    load(rec, tmp_path, CENTRAL_ASIA_ROWS)
    result = rec.visitors("group:CSTO")
    assert [(r.name, r.visits) for r in result.rows] == [("Vladimir Putin", 2)]


CRIMEA_ROWS = (
    "Vladimir Putin,RUS,,2020-08-15,,Russia,Sevastopol,,,,\n"
    "Vladimir Putin,RUS,,2010-08-15,,Ukraine,Sevastopol,,,,\n"
    "Alexander Lukashenko,BLR,,2021-05-28,,Crimea,,,,,\n"
)


def test_a_disputed_place_counts_under_the_de_jure_policy_by_default(
        rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, CRIMEA_ROWS)
    result = rec.top("Putin")
    assert {r.key: r.visits for r in result.rows} == {"UKR": 2}
    assert result.policies == [
        "Crimea counted as Ukraine (policy: de-jure; de facto under Russia since 2014-03-18)"]


def test_under_the_de_facto_policy_a_trip_to_crimea_is_a_home_trip(db_url: str,
                                                                  tmp_path: Path) -> None:
    with dt.open(db_url, disputed_policy="de-facto") as record:
        load(record, tmp_path, CRIMEA_ROWS)
        result = record.top("Putin")
        assert {r.key: r.visits for r in result.rows} == {"UKR": 1}
        assert result.policies and "Russia" in result.policies[0]
        visitors = record.visitors("Russia")
        assert [(r.name, r.visits) for r in visitors.rows] == [("Alexander Lukashenko", 1)]


def test_a_place_before_its_dispute_began_counts_where_it_was(rec: dt.Record,
                                                              tmp_path: Path) -> None:
    load(rec, tmp_path, CRIMEA_ROWS)
    visit = next(v for v in rec.trips("Putin").visits if v.start_date == "2010-08-15")
    assert (visit.country, visit.flags) == ("UKR", [])


def test_home_trips_are_not_visits(rec: dt.Record, tmp_path: Path) -> None:
    load(rec, tmp_path, "Vladimir Putin,RUS,,2021-05-01,,Russia,Sochi,,,,\n")
    assert rec.top("Putin").rows == []
    assert rec.trips("Putin").visits == []
