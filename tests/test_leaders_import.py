"""``import leaders``: our leaders CSV and Wikidata SPARQL JSON results (docs/leaders.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

import diplotrack as dt
from diplotrack.errors import InputError, NotFound
from diplotrack.store.imports import ImportRejected
from tests.conftest import write

LEADERS_HEADER = ("leader_id,name,country,office_kind,title,start_date,end_date,acting,aliases,"
                  "external_ids,source\n")
ERDOGAN_ROWS = (
    "hekla-vik,Hekla Vík,ISL,head_of_government,Prime Minister,"
    "2003-03-14,2014-08-28,false,Vik;Vík,,test\n"
    "hekla-vik,Hekla Vík,ISL,head_of_state,President,"
    "2014-08-28,,false,,,test\n"
)
ENTITY = "http://www.wikidata.org/entity/"


def _leaders_csv(tmp_path: Path, rows: str = ERDOGAN_ROWS) -> Path:
    return write(tmp_path / "leaders.csv", LEADERS_HEADER + rows)


def _binding(qid: str, name: str, title: str, country: str, kind: str, start: str,
             end: str | None = None) -> dict[str, dict[str, str]]:
    values = {"person": ENTITY + qid, "personLabel": name, "positionLabel": title,
              "countryCode": country, "officeKind": kind, "start": f"{start}T00:00:00Z"}
    if end is not None:
        values["end"] = f"{end}T00:00:00Z"
    kinds = {"person": "uri", "start": "literal", "end": "literal"}
    return {k: {"type": kinds.get(k, "literal"), "value": v} for k, v in values.items()}


WIKIDATA_BINDINGS = [
    # Q7747 is in the bundled registry as vladimir-putin; the label differs on purpose, so
    # only the Wikidata id can match it.
    _binding("Q7747", "Vladimir V. Putin", "President of Russia", "RUS", "head_of_state",
             "2000-05-07", "2008-05-07"),
    _binding("Q7747", "Vladimir V. Putin", "Secretary of the Security Council", "RUS", "other",
             "1999-03-29", "1999-08-09"),
    _binding("Q99999001", "Arda Veltran", "Prime Minister", "AZE", "head_of_government",
             "2001-02-03", "2004-05-06"),
    _binding("Q99999001", "Arda Veltran", "President", "AZE", "head_of_state", "2004-05-06"),
]


def _wikidata_json(tmp_path: Path) -> Path:
    result = {"head": {"vars": ["person", "personLabel", "positionLabel", "countryCode",
                                "officeKind", "start", "end"]},
              "results": {"bindings": WIKIDATA_BINDINGS}}
    return write(tmp_path / "result.json", json.dumps(result, indent=1))


def _leader_ids(rec: dt.Record) -> set[str]:
    with rec.db.reading() as conn:
        return set(conn.scalars(sa.text("SELECT id FROM leaders")))


def _row_counts(rec: dt.Record) -> dict[str, int]:
    with rec.db.reading() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("leaders", "aliases", "external_ids", "tenures", "changes")}


def _titles(rec: dt.Record, leader: str) -> list[tuple[str, str, str | None]]:
    return [(t.title, t.start_date, t.end_date) for t in rec.tenures(leader)]


# -- our CSV -------------------------------------------------------------------------------------

def test_csv_adds_a_new_leader_with_two_tenures(rec: dt.Record, tmp_path: Path) -> None:
    summary = rec.import_leaders(_leaders_csv(tmp_path))
    assert (summary.added, summary.updated, summary.rejected) == (1, 0, 0)
    assert rec.leader("Vik").id == "hekla-vik"
    assert _titles(rec, "Vík") == [("Prime Minister", "2003-03-14", "2014-08-28"),
                                       ("President", "2014-08-28", None)]


def test_imported_tenures_split_top_counts_by_title(rec: dt.Record, tmp_path: Path) -> None:
    rec.import_leaders(_leaders_csv(tmp_path))
    trips = write(tmp_path / "trips.csv", "leader,start_date,end_date,country,cities\n"
                  "Hekla Vík,2010-06-07,2010-06-08,Azerbaijan,Baku\n"
                  "Hekla Vík,2018-07-10,2018-07-10,Azerbaijan,Baku\n")
    rec.import_file("table", trips)
    rows = rec.top("Vík").to_dict()["rows"]
    assert [(r["country"], r["visits"], r["by_office"]) for r in rows] == [
        ("AZE", 2, {"President": 1, "Prime Minister": 1})]


def test_csv_reimport_changes_nothing(rec: dt.Record, tmp_path: Path) -> None:
    path = _leaders_csv(tmp_path)
    rec.import_leaders(path)
    before = _row_counts(rec)
    again = rec.import_leaders(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert _row_counts(rec) == before


def test_tenure_ending_before_it_starts_is_rejected_with_file_and_line(
        rec: dt.Record, tmp_path: Path) -> None:
    bad = ("hekla-vik,Hekla Vík,ISL,head_of_state,President,"
           "2014-08-28,2003-03-14,false,,,test\n")
    path = _leaders_csv(tmp_path, ERDOGAN_ROWS + bad)
    before = _row_counts(rec)
    with pytest.raises(ImportRejected) as caught:
        rec.import_leaders(path)
    assert caught.value.summary.rejects == [
        f"{path}:4: end_date 2003-03-14 is before start_date 2014-08-28"]
    assert _row_counts(rec) == before
    with pytest.raises(NotFound):
        rec.leader("Hekla Vík")


def test_tenure_ending_before_it_starts_is_skipped_when_not_strict(
        rec: dt.Record, tmp_path: Path) -> None:
    bad = ("hekla-vik,Hekla Vík,ISL,head_of_state,President,"
           "2014-08-28,2003-03-14,false,,,test\n")
    path = _leaders_csv(tmp_path, ERDOGAN_ROWS + bad)
    summary = rec.import_leaders(path, strict=False)
    assert summary.rejects == [f"{path}:4: end_date 2003-03-14 is before start_date 2014-08-28"]
    assert len(rec.tenures("Vík")) == 2


# -- Wikidata ------------------------------------------------------------------------------------

def test_wikidata_person_with_a_known_id_merges_into_that_leader(
        rec: dt.Record, tmp_path: Path) -> None:
    before = _leader_ids(rec)
    rec.import_leaders(_wikidata_json(tmp_path))
    assert _leader_ids(rec) - before == {"arda-veltran"}
    assert rec.leader("wikidata:Q7747").id == "vladimir-putin"
    assert rec.leader("Vladimir V. Putin").id == "vladimir-putin"


def test_wikidata_tenure_of_a_known_leader_goes_to_that_leader(
        rec: dt.Record, tmp_path: Path) -> None:
    rec.import_leaders(_wikidata_json(tmp_path))
    with rec.db.reading() as conn:
        owners = set(conn.scalars(sa.text(
            "SELECT leader_id FROM tenures WHERE source = 'wikidata' AND country = 'RUS'")))
    assert owners == {"vladimir-putin"}


def test_wikidata_tenure_already_in_the_registry_is_not_added_twice(
        rec: dt.Record, tmp_path: Path) -> None:
    rec.import_leaders(_wikidata_json(tmp_path))
    presidencies = [t for t in rec.tenures("vladimir-putin")
                    if t.title == "President" and t.start_date == "2000-05-07"]
    assert len(presidencies) == 1
    assert presidencies[0].source != "wikidata"
    assert "President of Russia" not in {t.title for t in rec.tenures("vladimir-putin")}


def test_wikidata_new_person_gets_the_tenures_of_every_binding(
        rec: dt.Record, tmp_path: Path) -> None:
    summary = rec.import_leaders(_wikidata_json(tmp_path))
    assert summary.added == 1
    leader = rec.leader("wikidata:Q99999001")
    assert (leader.id, leader.name, leader.country) == ("arda-veltran", "Arda Veltran", "AZE")
    assert _titles(rec, "Arda Veltran") == [("Prime Minister", "2001-02-03", "2004-05-06"),
                                            ("President", "2004-05-06", None)]


def test_wikidata_reimport_changes_nothing(rec: dt.Record, tmp_path: Path) -> None:
    path = _wikidata_json(tmp_path)
    rec.import_leaders(path)
    before = _row_counts(rec)
    again = rec.import_leaders(path)
    assert (again.added, again.updated) == (0, 0)
    assert again.unchanged == 2
    assert _row_counts(rec) == before


def test_json_that_is_not_a_sparql_result_is_refused_naming_the_file(
        rec: dt.Record, tmp_path: Path) -> None:
    path = write(tmp_path / "other.json", json.dumps([{"name": "Arda Veltran"}]))
    with pytest.raises(InputError, match=rf"^{re.escape(str(path))}:1: not a SPARQL JSON result"):
        rec.import_leaders(path)
