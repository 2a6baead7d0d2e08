"""The COLT importer, driven through the public API on small invented files (``rec`` is the
conftest record, on SQLite and on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import diplotrack
from diplotrack.errors import InputError
from diplotrack.model import StopKind, Trip
from diplotrack.store.imports import ImportSummary
from diplotrack.text import stable_id

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "colt"
SMALL = FIXTURES / "colt_small.csv"
LATIN1 = FIXTURES / "colt_latin1.csv"
HEADER = ["LeaderID", "LeaderFullName", "LeaderTitle", "LeaderRole", "LeaderCountryISO",
          "TripID", "TripStartDate", "TripEndDate", "TripDuration", "CountryVisited",
          "CountryVisitedISO", "CityVisited", "AttendedMultilatEvent", "NameMultilatEvent",
          "SourceLink1", "Notes", "Confidence"]


@pytest.fixture
def small(rec: diplotrack.Record) -> ImportSummary:
    return rec.import_file("colt", SMALL, strict=False)


def colt_trip(rec: diplotrack.Record, leader_id: str, trip_id: str) -> Trip:
    return rec.trip(stable_id("colt", leader_id, trip_id))


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "Master") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_import_counts(small: ImportSummary) -> None:
    assert (small.records, small.added, small.updated, small.rejected) == (9, 6, 0, 2)


def test_iso_date_read(rec: diplotrack.Record, small: ImportSummary) -> None:
    stop = colt_trip(rec, "101", "1").stops[0]
    assert (stop.country, stop.start_date, stop.end_date) == ("KAZ", "2015-03-04", "2015-03-05")


def test_excel_serial_dates_read(rec: diplotrack.Record, small: ImportSummary) -> None:
    stop = colt_trip(rec, "101", "1").stops[1]
    assert (stop.start_date, stop.end_date) == ("2015-03-06", "2015-03-07")


def test_excel_serial_with_decimal_point_read(rec: diplotrack.Record,
                                              small: ImportSummary) -> None:
    trip = colt_trip(rec, "101", "2")
    assert (trip.start_date, trip.end_date) == ("2015-09-10", "2015-09-11")


def test_tbd_duration_kept_and_flagged(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert "duration-tbd" in colt_trip(rec, "101", "1").stops[1].flags


def test_unknown_country_rejected_with_file_line(small: ImportSummary) -> None:
    assert f"{SMALL}:8: field CountryVisitedISO: unknown country 'Unknown'" in small.rejects


def test_bad_date_rejected_naming_field(small: ImportSummary) -> None:
    assert any(r.startswith(f"{SMALL}:9: field TripStartDate:") for r in small.rejects)


def test_multi_country_trip_is_one_trip_with_stops(rec: diplotrack.Record,
                                                   small: ImportSummary) -> None:
    trip = colt_trip(rec, "101", "1")
    assert [s.country for s in trip.stops] == ["KAZ", "BLR"]


def test_multi_country_trip_numbered_once_per_country(rec: diplotrack.Record,
                                                      small: ImportSummary) -> None:
    visits = rec.trips("Vladimir Putin", to="KAZ").visits
    assert [(v.n, v.trip.id) for v in visits] == [
        (1, stable_id("colt", "101", "1")), (2, stable_id("colt", "101", "2"))]


def test_each_stop_has_its_row_as_evidence(rec: diplotrack.Record, small: ImportSummary) -> None:
    evidence = colt_trip(rec, "101", "1").stops[1].evidence
    assert [(e.record_id, e.url, e.locator, e.rule) for e in evidence] == [
        ("101:1:BLR", "https://example.org/colt/putin-blr-1", f"{SMALL}:3", "colt-importer")]


def test_notes_become_evidence_excerpt(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert colt_trip(rec, "101", "1").stops[0].evidence[0].excerpt == "Talks with Nazarbayev"


def test_summit_row_is_summit_stop(rec: diplotrack.Record, small: ImportSummary) -> None:
    stop = colt_trip(rec, "101", "1").stops[1]
    assert (stop.kind, stop.occasion) == (StopKind.SUMMIT, "Eurasian Economic Union summit")


def test_non_summit_row_is_unknown_kind(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert colt_trip(rec, "101", "1").stops[0].kind is StopKind.UNKNOWN


def test_unknown_city_dropped(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert colt_trip(rec, "101", "1").stops[1].cities == ("Minsk",)


def test_cities_split_on_comma(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert colt_trip(rec, "101", "2").stops[0].cities == ("Astana", "Almaty")


def test_confidence_and_notes_in_stop_notes(rec: diplotrack.Record,
                                            small: ImportSummary) -> None:
    assert colt_trip(rec, "101", "1").stops[0].notes == "confidence 5/5; Talks with Nazarbayev"


def test_role_flag_on_every_stop(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert "role:F" in colt_trip(rec, "102", "7").stops[0].flags


def test_ministers_and_igo_heads_not_counted_as_leaders(rec: diplotrack.Record,
                                                       small: ImportSummary) -> None:
    names = {row.name for row in rec.visitors("KAZ").rows}
    assert names == {"Vladimir Putin", "Dmitry Medvedev"}


def test_ministers_and_igo_heads_counted_with_all_roles(rec: diplotrack.Record,
                                                        small: ImportSummary) -> None:
    names = {row.name for row in rec.visitors("KAZ", all_roles=True).rows}
    assert {"Sergei Lavrov", "Anton Siluanov", "Jean-Claude Juncker"} <= names


def test_igo_head_with_presidential_title_gets_role_title(rec: diplotrack.Record,
                                                         small: ImportSummary) -> None:
    stop = colt_trip(rec, "104", "5").stops[0]
    assert stop.stated_title == "IGO leader"
    assert "title in COLT: President of the European Commission" in (stop.notes or "")


def test_empty_title_of_head_of_government_is_prime_minister(rec: diplotrack.Record,
                                                            small: ImportSummary) -> None:
    assert colt_trip(rec, "106", "4").stops[0].stated_title == "Prime Minister"


def test_new_leader_gets_colt_external_id(rec: diplotrack.Record, small: ImportSummary) -> None:
    assert rec.leader("colt:102").name == "Sergei Lavrov"


def test_second_import_changes_nothing(rec: diplotrack.Record, small: ImportSummary) -> None:
    again = rec.import_file("colt", SMALL, strict=False)
    assert (again.added, again.updated, again.unchanged) == (0, 0, small.added)


def test_latin1_file_read(rec: diplotrack.Record) -> None:
    summary = rec.import_file("colt", LATIN1, strict=False)
    assert summary.added == 1
    assert "Visite d'\u00c9tat" in (colt_trip(rec, "201", "12").stops[0].notes or "")


def test_repeated_row_kept_once(rec: diplotrack.Record, tmp_path: Path) -> None:
    lines = SMALL.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "repeat.csv"
    path.write_text("\n".join([lines[0], lines[1], lines[1]]) + "\n", encoding="utf-8")
    summary = rec.import_file("colt", path, strict=False)
    assert (summary.duplicates, len(colt_trip(rec, "101", "1").stops)) == (1, 1)


def test_missing_column_is_input_error(rec: diplotrack.Record, tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text("LeaderID,LeaderFullName\n1,Somebody\n", encoding="utf-8")
    with pytest.raises(InputError, match="TripID"):
        rec.import_file("colt", path, strict=False)


def test_progress_every_thousand_rows_and_at_end(rec: diplotrack.Record,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    row = "101,Vladimir Putin,President,S,RUS,{n},2015-03-04,,,Kazakhstan,KAZ,,,,,,"
    path.write_text("\n".join([",".join(HEADER), *(row.format(n=n) for n in range(2500))]),
                    encoding="utf-8")
    calls: list[tuple[str, int, int | None]] = []
    rec.import_file("colt", path, progress=lambda *a: calls.append(a))
    assert calls == [("reading COLT rows", 1000, 2500), ("reading COLT rows", 2000, 2500),
                     ("reading COLT rows", 2500, 2500)]


def test_xlsx_date_cells_and_serials(rec: diplotrack.Record, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "colt.xlsx", [
        [101, "Vladimir Putin", "President", "S", "RUS", 31.0, dt.datetime(2016, 5, 20),
         42511, 2, "Kazakhstan", "KAZ", "Astana", 0, None, None, None, 4],
        [101, "Vladimir Putin", "President", "S", "RUS", 32, 42512.0, None, "TBD",
         "Belarus", "BLR", None, 1, "CSTO summit", None, None, 4.0],
    ])
    summary = rec.import_file("colt", path, strict=False)
    stops = [colt_trip(rec, "101", trip_id).stops[0] for trip_id in ("31", "32")]
    dates = [(s.start_date, s.end_date) for s in stops]
    assert (summary.added, dates) == (2, [("2016-05-20", "2016-05-21"), ("2016-05-22", None)])


def test_xlsx_reject_locator_names_sheet_row(rec: diplotrack.Record, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "colt.xlsx", [
        [101, "Vladimir Putin", "President", "S", "RUS", 31, "2016-05-20", None, 1,
         "Kazakhstan", "KAZ", None, 0, None, None, None, 4],
        [101, "Vladimir Putin", "President", "S", "RUS", 33, "2016-06-01", None, 1,
         "Unknown", None, "Unknown", 0, None, None, None, 1],
    ])
    summary = rec.import_file("colt", path, strict=False)
    assert summary.rejects == [f"{path}:Master!row 3: field CountryVisitedISO: empty, and "
                               "CountryVisited 'Unknown' is not a known country"]


def test_xlsx_without_master_sheet_names_file(rec: diplotrack.Record, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "colt.xlsx", [], sheet="Data")
    with pytest.raises(InputError, match=r"colt\.xlsx: no sheet 'Master'"):
        rec.import_file("colt", path, strict=False)


def test_xlsx_that_is_not_a_workbook_names_file(rec: diplotrack.Record, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.xlsx: not a readable XLSX workbook"):
        rec.import_file("colt", path, strict=False)
