"""The command line: help everywhere, the JSON contracts, formats and errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from diplotrack.cli import app

runner = CliRunner()


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        found.append(path)
        if hasattr(command, "commands"):
            found.extend(_commands(command, path))
    return found


ALL_COMMANDS = _commands(get_command(app))


@pytest.mark.parametrize("path", ALL_COMMANDS, ids=" ".join)
def test_every_command_has_help_text(path: tuple[str, ...]) -> None:
    command: Any = get_command(app)
    for name in path:
        command = command.commands[name]
    assert command.help and len(command.help.strip()) > 20, path
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{' '.join(path)} {param.opts} has no help"


def test_top_help_cites_the_counting_conventions() -> None:
    result = runner.invoke(app, ["--help"])
    assert "docs/counting.md" in result.output


def run(url: str, *args: str) -> str:
    result = runner.invoke(app, ["--db", url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_top_json_contract(hs_url: str) -> None:
    data = json.loads(run(hs_url, "top", "Barack Obama", "--format", "json"))
    assert set(data) >= {"leader", "count", "since", "until", "rows"}
    assert data["leader"] == {"id": "barack-obama", "name": "Barack Obama"}
    first = data["rows"][0]
    assert set(first) >= {"country", "name", "visits", "by_office"}
    assert first["by_office"] == {"President": first["visits"]}


def test_trips_json_contract(hs_url: str) -> None:
    data = json.loads(run(hs_url, "trips", "Joseph R. Biden", "--to", "Belgium", "-f", "json"))
    keys = {
        "n",
        "country",
        "start_date",
        "end_date",
        "office",
        "cities",
        "kind",
        "occasion",
        "status",
        "sources",
    }
    assert data["trips"] and all(keys <= set(t) for t in data["trips"])
    assert all(t["country"] == "BEL" for t in data["trips"])


def test_visitors_csv_has_fixed_columns(hs_url: str) -> None:
    text = run(hs_url, "visitors", "United Kingdom", "--since", "2000-01-01", "-f", "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["leader", "from", "visits", "by_office"]
    assert len(rows) > 1


def test_pair_table_lists_years(hs_url: str) -> None:
    assert "2009" in run(hs_url, "pair", "USA", "Russia", "--since", "2009-01-01")


def test_two_exports_of_one_record_are_byte_identical(hs_url: str) -> None:
    assert run(hs_url, "export", "--format", "csv") == run(hs_url, "export", "--format", "csv")


def test_export_writes_parquet(hs_url: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "out.parquet"
    run(hs_url, "export", "--format", "parquet", "--out", str(target))
    assert pq.read_table(target).num_rows == len(run(hs_url, "export").splitlines()) - 1


def test_an_ambiguous_leader_exits_non_zero_with_candidates(hs_url: str) -> None:
    result = runner.invoke(app, ["--db", hs_url, "top", "Bush"])
    assert result.exit_code == 1
    assert "george-w-bush" in result.output and "george-h-w-bush" in result.output


def test_an_unknown_country_exits_non_zero(hs_url: str) -> None:
    result = runner.invoke(app, ["--db", hs_url, "visitors", "Atlantis"])
    assert result.exit_code == 1
    assert "no country, group or region 'Atlantis'" in result.output


def test_a_bad_date_option_is_a_clear_error(hs_url: str) -> None:
    result = runner.invoke(app, ["--db", hs_url, "top", "Barack Obama", "--since", "2009-13-01"])
    assert result.exit_code == 1
    assert "2009-13-01" in result.output


def test_import_prints_a_summary(tmp_path: Path) -> None:
    from tests.conftest import SHARED

    out = run(str(tmp_path / "r.sqlite"), "import", "history-state", str(SHARED), "-f", "json")
    summary = json.loads(out)
    assert summary["added"] > 0 and summary["rejected"] == 0 and summary["duplicates"] == 2
