"""Behaviours a user review found wrong once; each test keeps one of them right."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import diplotrack as dt
from diplotrack.cli import app
from diplotrack.errors import InputError, NotFound
from diplotrack.store.imports import ImportRejected
from tests.conftest import write

HEADER = "leader,leader_country,start_date,country,cities,kind,trip\n"


def test_a_trip_key_of_another_leader_is_refused_not_overwritten(rec: dt.Record,
                                                                  tmp_path: Path) -> None:
    rec.import_file("table", write(tmp_path / "a.csv", HEADER +
                                   "Kassym-Jomart Tokayev,KAZ,2024-10-01,Russia,Moscow,,t1\n"))
    other = write(tmp_path / "b.csv", HEADER + "Vladimir Putin,RUS,2024-12-05,Belarus,Minsk,,t1\n")
    with pytest.raises(ImportRejected) as caught:
        rec.import_file("table", other)
    assert "already a trip of kassym-jomart-tokayev" in caught.value.summary.rejects[0]
    assert rec.trip("t1").leader_id == "kassym-jomart-tokayev"


def test_stops_en_route_are_transit_not_visits(hs: dt.Record) -> None:
    germany = [v for v in hs.trips("Barack Obama", to="Germany").visits]
    assert len(germany) == 7
    assert all("Ramstein" not in " ".join(v.stops[0].cities) or v.start_date == "2014-03-29"
               for v in germany)


def test_a_figure_about_a_region_is_unverifiable_not_a_wrong_country(hs: dt.Record) -> None:
    result = hs.check("Barack Obama visited Africa four times.", "2016-12-01")
    assert [(c.country, c.verdict) for c in result.claims] == [(None, "unverifiable")]


def test_nothing_found_is_never_close(hs: dt.Record) -> None:
    result = hs.check("Donald Trump visited Japan twice.", "2016-04-25")
    assert [(c.found, c.verdict) for c in result.claims] == [(0, "contradicted")]


def test_stops_are_edited_by_the_number_trip_show_gives(rec: dt.Record, tmp_path: Path) -> None:
    rec.import_file("table", write(tmp_path / "a.csv", HEADER +
                                   "Vladimir Putin,RUS,2024-10-01,Belarus,Minsk,,t2\n"))
    rec.edit_trip("t2", {"1.kind": "working"}, why="first stop")
    assert rec.trip("t2").stops[0].kind.value == "working"
    with pytest.raises(InputError):
        rec.edit_trip("t2", {"0.kind": "working"}, why="there is no stop 0")


def test_the_history_of_an_unknown_trip_is_an_error(rec: dt.Record) -> None:
    with pytest.raises(NotFound):
        rec.history("no-such-trip")


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    junk = write(tmp_path / "junk.sqlite", "not a database\n")
    result = CliRunner().invoke(app, ["--db", str(junk), "top", "Putin"])
    assert result.exit_code == 1
    assert "cannot open the database" in result.output and "Traceback" not in result.output


def test_an_unknown_disputed_policy_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="de-jure"):
        dt.open(str(tmp_path / "r.sqlite"), disputed_policy="nonsense")


def test_a_disputed_place_before_its_dispute_is_the_state_that_held_it() -> None:
    from diplotrack.places.resolve import resolve_place

    assert resolve_place("Yalta", "1945-02-04").country == "SUN"
    assert resolve_place("Yalta", "2000-01-01").country == "UKR"


def test_a_bad_date_on_whois_is_one_line(hs_url: str) -> None:
    result = CliRunner().invoke(app, ["--db", hs_url, "whois", "Putin", "--on", "2010-13-01"])
    assert result.exit_code == 1 and "no month 13" in result.output


def test_spellings_of_one_visitor_are_one_leader(hs: dt.Record) -> None:
    netanyahu = hs.leader("Benjamin Netanyahu")
    assert {"Binyamin Netanyahu", "Benyamin Netanyahu"} <= set(netanyahu.aliases)
    assert sum(r.visits for r in hs.top(netanyahu.id).rows) == 29


def test_a_registry_leader_named_with_a_middle_initial_is_matched(hs: dt.Record) -> None:
    assert hs.leader("Jacques R. Chirac").id == hs.leader("Jacques Chirac").id


def test_a_misspelt_leader_in_a_table_is_matched_not_added(rec: dt.Record,
                                                          tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "leader,leader_country,start_date,country\n"
                                     "Vladimir Puttin,RUS,2024-06-01,Belarus\n")
    summary = rec.import_file("table", path)
    assert summary.leaders_added == 0
    assert [v.country for v in rec.trips("Putin").visits] == ["BLR"]


def test_a_new_trip_overlapping_a_recorded_one_is_reported(rec: dt.Record,
                                                           tmp_path: Path) -> None:
    rec.import_file("table", write(tmp_path / "a.csv", HEADER +
                                   "Vladimir Putin,RUS,2024-10-01,Belarus,Minsk,,first\n"))
    summary = rec.import_file("table", write(tmp_path / "b.csv", HEADER +
                                             "Vladimir Putin,RUS,2024-10-01,Belarus,Minsk,,\n"))
    assert summary.added == 1
    assert any("overlaps trip first" in n for n in summary.notices)
