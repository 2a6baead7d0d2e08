"""Bad inputs: each gets an error naming the file (and the line where there is one), and
none of them changes the record."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import diplotrack as dt
from diplotrack.cli import app
from diplotrack.errors import InputError
from diplotrack.store.imports import ImportRejected
from tests.conftest import SHARED, write

TRAVELS = SHARED / "travels" / "president-travels"
COUNTED_TABLES = ("leaders", "tenures", "trips", "stops", "evidence", "changes", "coverage")
HEADER = "leader,office,start_date,end_date,country,cities,kind\n"
GOOD_ROWS = (
    "Vladimir Putin,President,2024-11-27,2024-11-28,Kazakhstan,Astana,state\n"
    "Vladimir Putin,President,2023-10-12,2023-10-13,Kyrgyzstan,Bishkek,official\n"
)
TRAVEL_XML = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<trips>
    <trip role="president" who="test-traveller">
        <id>1</id>
        <role>president</role>
        <name>Test Traveller</name>
        <start-date>2001-01-01</start-date>
        <end-date>2001-01-02</end-date>
        <country id="canada">Canada</country>
        <locale>Ottawa</locale>
        <remarks>{remarks}</remarks>
    </trip>
</trips>
"""
BILLION_LAUGHS = """<!DOCTYPE trips [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""


# -- helpers ---------------------------------------------------------------------------------

def _counts(rec: dt.Record) -> dict[str, int]:
    with rec.db.reading() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in COUNTED_TABLES}


def _state(rec: dt.Record) -> tuple[list[dict[str, Any]], dict[str, int]]:
    return rec.export_rows(), _counts(rec)


def _table(tmp_path: Path, rows: str, name: str = "bad.csv") -> Path:
    return write(tmp_path / name, HEADER + rows)


def _travels_file(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "president-travels"
    folder.mkdir(exist_ok=True)
    return write(folder / name, text)


def _raises_input_error(rec: dt.Record, source: str, path: Path) -> str:
    with pytest.raises(InputError) as caught:
        rec.import_file(source, path)
    return str(caught.value)


def _rejected(rec: dt.Record, path: Path) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        rec.import_file("table", path)
    assert caught.value.summary.written is False
    return caught.value.summary.rejects


def _passwd_first_line() -> str:
    return Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture
def seeded(rec: dt.Record, tmp_path: Path) -> dt.Record:
    """A record holding two trips, so that 'unchanged' means something."""
    summary = rec.import_file("table", write(tmp_path / "good.csv", HEADER + GOOD_ROWS))
    assert summary.added == 2
    return rec


@pytest.fixture
def before(seeded: dt.Record) -> tuple[list[dict[str, Any]], dict[str, int]]:
    return _state(seeded)


# -- XML -------------------------------------------------------------------------------------

def test_truncated_history_state_xml_names_file_and_line_and_writes_nothing(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    original = (TRAVELS / "harding-warren-g.xml").read_text(encoding="utf-8")
    cut = original[: len(original) // 2]
    path = _travels_file(tmp_path, "harding-warren-g.xml", cut)
    message = _raises_input_error(seeded, "history-state", tmp_path / "president-travels")
    assert re.search(rf"{re.escape(str(path))}:\d+: malformed XML", message), message
    last_line = cut.count("\n") + 1
    assert f"{path}:{last_line}:" in message
    assert _state(seeded) == before


def test_entity_expansion_bomb_is_refused_without_expansion(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    path = _travels_file(tmp_path, "bomb.xml",
                         TRAVEL_XML.format(doctype=BILLION_LAUGHS, remarks="&lol9;"))
    message = _raises_input_error(seeded, "history-state", path)
    assert str(path) in message
    assert "refused" in message
    assert "lollol" not in message
    assert _state(seeded) == before


def test_external_entity_is_refused_and_the_file_it_names_is_never_read(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    doctype = '<!DOCTYPE trips [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>'
    path = _travels_file(tmp_path, "xxe.xml", TRAVEL_XML.format(doctype=doctype, remarks="&xxe;"))
    message = _raises_input_error(seeded, "history-state", path)
    assert str(path) in message
    assert "refused" in message
    secret = _passwd_first_line()
    assert secret not in message
    assert secret not in json.dumps(seeded.export_rows())
    assert _state(seeded) == before


def test_external_dtd_is_never_loaded(seeded: dt.Record, before: object, tmp_path: Path) -> None:
    dtd = write(tmp_path / "evil.dtd", '<!ENTITY secret "LEAKED-FROM-DTD">\n')
    doctype = f'<!DOCTYPE trips SYSTEM "{dtd.as_uri()}">'
    path = _travels_file(tmp_path, "dtd.xml",
                         TRAVEL_XML.format(doctype=doctype, remarks="&secret;"))
    message = _raises_input_error(seeded, "history-state", path)
    assert str(path) in message
    assert "LEAKED" not in message
    assert "LEAKED" not in json.dumps(seeded.export_rows())
    assert _state(seeded) == before


# -- the table: whole-file errors --------------------------------------------------------------

def test_table_missing_required_columns_names_them_on_line_1(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    path = write(tmp_path / "cols.csv", "leader,end_date,cities\nVladimir Putin,2024-01-02,Minsk\n")
    message = _raises_input_error(seeded, "table", path)
    assert message.startswith(f"{path}:1: missing required column(s): start_date, country")
    assert _state(seeded) == before


def test_latin1_file_is_refused_naming_the_line_of_the_first_bad_byte(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    rows = GOOD_ROWS + "Vladimir Putin,President,2019-11-28,,Belarus,Brest,working\n"
    rows += "Vladimir Putin,President,2020-01-08,,Türkiye,Ankara,working\n"
    path = write(tmp_path / "latin1.csv", HEADER + rows, encoding="latin-1")
    message = _raises_input_error(seeded, "table", path)
    assert message.startswith(f"{path}:5: not UTF-8 (byte 0xfc)")
    assert _state(seeded) == before


def test_empty_file_is_refused(seeded: dt.Record, before: object, tmp_path: Path) -> None:
    path = write(tmp_path / "empty.csv", "")
    message = _raises_input_error(seeded, "table", path)
    assert message == f"{path}:1: the file is empty"
    assert _state(seeded) == before


def test_header_without_rows_is_refused(seeded: dt.Record, before: object,
                                        tmp_path: Path) -> None:
    path = write(tmp_path / "header.csv", HEADER)
    message = _raises_input_error(seeded, "table", path)
    assert message == f"{path}:1: no rows"
    assert _state(seeded) == before


def test_malformed_json_names_the_line_of_the_error(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    text = ('[\n  {"leader": "Vladimir Putin", "start_date": "2024-11-27", "country": "KAZ"},\n'
            '  {"leader": "Vladimir Putin" "start_date": "2023-10-12", "country": "KGZ"}\n]\n')
    path = write(tmp_path / "bad.json", text)
    message = _raises_input_error(seeded, "table", path)
    assert message.startswith(f"{path}:3: malformed JSON")
    assert _state(seeded) == before


def test_jsonl_with_one_bad_line_names_it_and_writes_nothing(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    text = ('{"leader": "Vladimir Putin", "start_date": "2019-06-13", "country": "KGZ"}\n'
            '{"leader": "Vladimir Putin", "start_date": \n'
            '{"leader": "Vladimir Putin", "start_date": "2019-06-14", "country": "TJK"}\n')
    path = write(tmp_path / "bad.jsonl", text)
    message = _raises_input_error(seeded, "table", path)
    assert message.startswith(f"{path}:2: malformed JSON")
    assert _state(seeded) == before


def test_jsonl_line_that_is_not_an_object_names_the_line(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    text = ('{"leader": "Vladimir Putin", "start_date": "2019-06-13", "country": "KGZ"}\n'
            '["Vladimir Putin", "2019-06-14", "TJK"]\n')
    path = write(tmp_path / "list.jsonl", text)
    message = _raises_input_error(seeded, "table", path)
    assert message == f"{path}:2: expected an object"
    assert _state(seeded) == before


# -- the table: rejected rows ------------------------------------------------------------------

def test_impossible_date_rejects_the_row_naming_file_line_and_field(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    path = _table(tmp_path, GOOD_ROWS + "Vladimir Putin,President,2023-02-30,,Belarus,Minsk,\n")
    rejects = _rejected(seeded, path)
    assert rejects == [f"{path}:4: field start_date: '2023-02-30' is not a real date"]
    assert _state(seeded) == before


def test_end_before_start_rejects_the_row(seeded: dt.Record, before: object,
                                          tmp_path: Path) -> None:
    path = _table(tmp_path, "Vladimir Putin,President,2023-06-10,2023-06-08,Belarus,Minsk,\n"
                  + GOOD_ROWS)
    rejects = _rejected(seeded, path)
    assert len(rejects) == 1
    assert rejects[0].startswith(f"{path}:2: field end_date: ")
    assert "before start date" in rejects[0]
    assert _state(seeded) == before


def test_unknown_country_rejects_the_row_and_writes_nothing(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    new_rows = "Vladimir Putin,President,2022-06-28,,Tajikistan,Dushanbe,working\n"
    path = _table(tmp_path, new_rows + "Vladimir Putin,President,2022-06-29,,Atlantis,,working\n")
    rejects = _rejected(seeded, path)
    assert rejects == [f"{path}:3: field country: unknown country 'Atlantis'"]
    assert _state(seeded) == before


def test_unknown_country_with_strict_off_imports_the_good_rows_and_reports_the_bad(
        seeded: dt.Record, tmp_path: Path) -> None:
    new_rows = "Vladimir Putin,President,2022-06-28,,Tajikistan,Dushanbe,working\n"
    path = _table(tmp_path, new_rows + "Vladimir Putin,President,2022-06-29,,Atlantis,,working\n")
    summary = seeded.import_file("table", path, strict=False)
    assert summary.written and summary.added == 1 and summary.rejected == 1
    assert summary.rejects == [f"{path}:3: field country: unknown country 'Atlantis'"]
    countries = {r["country"] for r in seeded.export_rows()}
    assert countries == {"KAZ", "KGZ", "TJK"}


def test_unknown_leader_is_added_as_written_and_reported_not_rejected(
        seeded: dt.Record, tmp_path: Path) -> None:
    path = _table(tmp_path, "Arda Veltran,,2021-03-04,,Belarus,Minsk,working\n")
    summary = seeded.import_file("table", path)
    assert (summary.added, summary.rejected, summary.leaders_added) == (1, 0, 1)
    assert any("'Arda Veltran' is not in the registry" in n for n in summary.notices)
    assert seeded.leader("Arda Veltran").name == "Arda Veltran"


def test_rejected_row_with_a_multiline_field_is_located_at_its_first_line(
        seeded: dt.Record, before: object, tmp_path: Path) -> None:
    path = write(tmp_path / "multiline.csv", "leader,start_date,country,notes\n"
                 'Vladimir Putin,2022-06-29,Atlantis,"two\nlines"\n')
    rejects = _rejected(seeded, path)
    assert rejects == [f"{path}:2: field country: unknown country 'Atlantis'"]
    assert _state(seeded) == before


# -- the command line ----------------------------------------------------------------------------

def _cli(db_url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["--db", db_url, *args])


def test_cli_missing_columns_exits_non_zero_with_the_message(
        seeded: dt.Record, before: object, db_url: str, tmp_path: Path) -> None:
    path = write(tmp_path / "cols.csv", "leader,end_date\nVladimir Putin,2024-01-02\n")
    result = _cli(db_url, "import", "table", str(path))
    assert result.exit_code != 0
    assert f"{path}:1: missing required column(s): start_date, country" in result.output
    assert _state(seeded) == before


def test_cli_unknown_country_exits_non_zero_and_lists_the_reject(
        seeded: dt.Record, before: object, db_url: str, tmp_path: Path) -> None:
    path = _table(tmp_path, "Vladimir Putin,President,2022-06-29,,Atlantis,,working\n")
    result = _cli(db_url, "import", "table", str(path))
    assert result.exit_code != 0
    assert f"{path}:2: field country: unknown country 'Atlantis'" in result.output
    assert "nothing written" in result.output
    assert _state(seeded) == before



def test_cli_reject_line_stays_on_one_line_for_a_long_path(
        rec: dt.Record, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / ("d" * 120) / ("e" * 120)
    folder.mkdir(parents=True)
    path = write(folder / "bad.csv",
                 "leader,start_date,country\nVladimir Putin,2022-06-29,Atlantis\n")
    result = _cli(db_url, "import", "table", str(path))
    assert result.exit_code != 0
    wanted = f"rejected: {path}:2: field country: unknown country 'Atlantis'"
    assert wanted in result.output.splitlines()
