"""The trip table format (docs/table-format.md): CSV, JSON and JSONL, one row per stop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import diplotrack as dt
from diplotrack import export
from diplotrack.cli import app
from tests.conftest import write

HEADER = ("leader,leader_country,office,start_date,end_date,country,cities,kind,occasion,status,"
          "trip,source_url,notes\n")
PUTIN = "Vladimir Putin,Russia"
SCO_STOP = f"{PUTIN},President,2019-06-13,2019-06-14,Kyrgyzstan,Bishkek,summit,SCO summit,,ca19"
CICA_STOP = f"{PUTIN},President,2019-06-14,2019-06-15,Tajikistan,Dushanbe,summit,CICA summit,,ca19"


def _csv(tmp_path: Path, *rows: str, name: str = "trips.csv") -> Path:
    return write(tmp_path / name, HEADER + "".join(f"{r}\n" for r in rows))


def _visits(rec: dt.Record, leader: str = "Vladimir Putin", **filters: str) -> list[dict[str, Any]]:
    return list(rec.trips(leader, **filters).to_dict()["trips"])


def _only_visit(rec: dt.Record, leader: str = "Vladimir Putin") -> dict[str, Any]:
    visits = _visits(rec, leader)
    assert len(visits) == 1, visits
    return visits[0]


# -- trips and stops ---------------------------------------------------------------------------

def test_rows_sharing_a_trip_key_form_one_trip_with_several_stops(
        rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, SCO_STOP, CICA_STOP)
    summary = rec.import_file("table", path)
    assert (summary.records, summary.added) == (2, 1)
    trip = rec.trip("ca19")
    assert [s.country for s in trip.stops] == ["KGZ", "TJK"]


def test_rows_without_a_trip_key_are_a_trip_each(rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path,
                f"{PUTIN},President,2019-06-13,2019-06-14,Kyrgyzstan,Bishkek,summit,,,",
                f"{PUTIN},President,2019-06-14,2019-06-15,Tajikistan,Dushanbe,summit,,,")
    summary = rec.import_file("table", path)
    assert summary.added == 2
    assert len({v["trip_id"] for v in _visits(rec)}) == 2


def test_partial_dates_year_and_month_are_accepted(rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path,
                f"{PUTIN},,2006,,Kazakhstan,,,,,",
                f"{PUTIN},,2018-10,,Kazakhstan,,,,,")
    rec.import_file("table", path)
    assert [v["start_date"] for v in _visits(rec)] == ["2006", "2018-10"]


def test_cities_are_separated_by_semicolons(rec: dt.Record, tmp_path: Path) -> None:
    rec.import_file("table", _csv(tmp_path, f"{PUTIN},,2024-11-27,,Kazakhstan,Astana;Almaty,,,,"))
    visit = _only_visit(rec)
    assert visit["cities"] == ["Astana", "Almaty"]
    assert visit["flags"] == []


def test_unknown_city_is_kept_as_written_and_flagged(rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{PUTIN},,2024-11-27,,Kazakhstan,Astana;Shangri-La,,,,")
    summary = rec.import_file("table", path)
    visit = _only_visit(rec)
    assert visit["cities"] == ["Astana", "Shangri-La"]
    assert visit["flags"] == ["city-unknown:Shangri-La"]
    assert any(n.startswith(f"{path}:2: city 'Shangri-La'") for n in summary.notices)


# -- office --------------------------------------------------------------------------------------

def test_office_that_matches_the_tenures_is_not_flagged(rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{PUTIN},President,2005-06-01,,Kazakhstan,,,,,")
    summary = rec.import_file("table", path)
    assert _only_visit(rec)["flags"] == []
    assert not any("office" in n for n in summary.notices)


def test_office_that_contradicts_the_tenures_is_reported_and_flagged(
        rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{PUTIN},Prime Minister,2005-06-01,,Kazakhstan,,,,,")
    summary = rec.import_file("table", path)
    assert _only_visit(rec)["flags"] == ["office-mismatch:Prime Minister"]
    assert any(n.startswith(f"{path}:2: office 'Prime Minister' does not match") and
               "President" in n for n in summary.notices)


def test_office_of_a_leader_without_tenures_is_flagged_unverified(
        rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, "Arda Veltran,Belarus,Governor,2021-03-04,,Russia,Kazan,,,,")
    rec.import_file("table", path)
    visit = _only_visit(rec, "Arda Veltran")
    assert visit["flags"] == ["office-unverified"]
    assert visit["office"] == "Governor"
    assert visit["office_verified"] is False


# -- status ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["planned", "cancelled"])
def test_status_column_sets_the_trip_status(rec: dt.Record, tmp_path: Path, status: str) -> None:
    path = _csv(tmp_path, f"{PUTIN},,2031-05-01,,Belarus,Minsk,,,{status},",
                f"{PUTIN},,2024-05-23,,Belarus,Minsk,,,,")
    rec.import_file("table", path)
    chosen = _visits(rec, status=status)
    assert [(v["start_date"], v["status"]) for v in chosen] == [("2031-05-01", status)]


def test_unknown_status_rejects_the_row(rec: dt.Record, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{PUTIN},,2031-05-01,,Belarus,Minsk,,,rumoured,")
    summary = rec.import_file("table", path, strict=False)
    assert summary.rejects == [f"{path}:2: field status: 'rumoured' is not one of "
                               "occurred, planned, cancelled"]


# -- formats -------------------------------------------------------------------------------------

SAME_TRIPS = [
    {"leader": "Vladimir Putin", "office": "President", "start_date": "2019-06-13",
     "end_date": "2019-06-14", "country": "Kyrgyzstan", "cities": "Bishkek", "kind": "summit",
     "occasion": "SCO summit", "trip": "ca19"},
    {"leader": "Vladimir Putin", "office": "President", "start_date": "2019-06-14",
     "end_date": "2019-06-15", "country": "Tajikistan", "cities": "Dushanbe", "kind": "summit",
     "occasion": "CICA summit", "trip": "ca19"},
    {"leader": "Vladimir Putin", "start_date": "2024-11", "country": "KAZ",
     "cities": "Astana;Almaty", "status": "planned"},
]


def _same_trips_csv(tmp_path: Path) -> Path:
    columns = ["leader", "office", "start_date", "end_date", "country", "cities", "kind",
               "occasion", "status", "trip"]
    lines = [",".join(columns)] + [",".join(r.get(c, "") for c in columns) for r in SAME_TRIPS]
    return write(tmp_path / "same.csv", "\n".join(lines) + "\n")


def _same_trips_json(tmp_path: Path) -> Path:
    rows = [r | {"cities": r["cities"].split(";")} for r in SAME_TRIPS]
    return write(tmp_path / "same.json", json.dumps({"trips": rows}, indent=1))


def _same_trips_jsonl(tmp_path: Path) -> Path:
    return write(tmp_path / "same.jsonl", "".join(json.dumps(r) + "\n" for r in SAME_TRIPS))


@pytest.mark.parametrize("other", [_same_trips_json, _same_trips_jsonl], ids=["json", "jsonl"])
def test_json_and_jsonl_give_the_same_trips_as_csv(rec: dt.Record, tmp_path: Path,
                                                   other: Any) -> None:
    rec.import_file("table", _same_trips_csv(tmp_path))
    from_csv = rec.export_rows()
    summary = rec.import_file("table", other(tmp_path))
    assert (summary.added, summary.updated, summary.unchanged, summary.rejected) == (0, 0, 2, 0)
    assert rec.export_rows() == from_csv


def test_reimporting_the_same_file_changes_nothing(rec: dt.Record, tmp_path: Path) -> None:
    path = _same_trips_csv(tmp_path)
    first = rec.import_file("table", path)
    before = rec.export_rows()
    second = rec.import_file("table", path)
    assert first.added == 2
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert rec.export_rows() == before


# -- coverage ------------------------------------------------------------------------------------

def _coverage(rec: dt.Record) -> list[tuple[str, ...]]:
    query = "SELECT leader_id, start_date, end_date, source FROM coverage"
    with rec.db.reading() as conn:
        return [tuple(row) for row in conn.execute(sa.text(query))]


def test_complete_for_writes_a_coverage_row(rec: dt.Record, tmp_path: Path) -> None:
    rec.import_file("table", _csv(tmp_path, f"{PUTIN},,2005-06-01,,Kazakhstan,,,,,"),
                    options={"complete_for": ["Vladimir Putin:2000-05-07:2008-05-07"]})
    assert _coverage(rec) == [("vladimir-putin", "2000-05-07", "2008-05-07", "table")]


def test_complete_for_on_the_command_line_writes_a_coverage_row(
        rec: dt.Record, db_url: str, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"{PUTIN},,2005-06-01,,Kazakhstan,,,,,")
    result = CliRunner().invoke(app, ["--db", db_url, "import", "table", str(path),
                                      "--complete-for", "Vladimir Putin:2000-05-07:2008-05-07"])
    assert result.exit_code == 0, result.output
    assert _coverage(rec) == [("vladimir-putin", "2000-05-07", "2008-05-07", "table")]


def test_import_without_complete_for_writes_no_coverage(rec: dt.Record, tmp_path: Path) -> None:
    rec.import_file("table", _csv(tmp_path, f"{PUTIN},,2005-06-01,,Kazakhstan,,,,,"))
    assert _coverage(rec) == []


# -- round trip ----------------------------------------------------------------------------------

ROUND_TRIP_ROWS = (
    f"{PUTIN},President,2019-06-13,2019-06-14,Kyrgyzstan,Bishkek,summit,SCO summit,,ca19",
    f"{PUTIN},President,2019-06-14,2019-06-15,Tajikistan,Dushanbe,summit,\"CICA, 5th\",,ca19",
    f"{PUTIN},Prime Minister,2005-06-01,,Kazakhstan,Astana;Shangri-La,state,,,,"
    'https://example.org/a,"Met ""Nazarbayev""; two days"',
    f"{PUTIN},,2006,,Belarus,,,,,",
    f"{PUTIN},,2031-05,,Belarus,Minsk,working,,planned,",
    "Arda Veltran,Belarus,Governor,2021-03-04,,Russia,Kazan,,,,",
    "Alyaksandr Lukashenka,Belarus,,2022-02-18,2022-02-19,Russia,Moscow;Sochi,working,,,",
)


def test_export_then_import_into_a_fresh_record_gives_a_byte_identical_export(
        db_url: str, tmp_path: Path) -> None:
    with dt.open(db_url, user="tester") as first:
        first.import_file("table", _csv(tmp_path, *ROUND_TRIP_ROWS))
        rows = first.export_rows()
    exported = tmp_path / "exported.csv"
    export.write(rows, "csv", exported)
    with dt.open(str(tmp_path / "second.sqlite"), user="tester") as second:
        summary = second.import_file("table", exported)
        again = second.export_rows()
    assert summary.rejected == 0
    assert len(rows) == len(ROUND_TRIP_ROWS)
    assert export.render(again, "csv") == export.render(rows, "csv")
