"""The worked example of docs/claims.md stays true: its paragraph, checked against the Office of
the Historian data on its publication date, gives the verdicts that the page shows, both in the
pasted output of ``diplotrack check`` and in the figure-by-figure table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import diplotrack as dt
from tests.claims.helpers import claims, figure

DOC = Path(__file__).resolve().parents[2] / "docs" / "claims.md"


def _block_after(marker: str) -> list[str]:
    """The lines of the fenced block (or table) that follows ``<!-- example:MARKER -->``."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    at = lines.index(f"<!-- example:{marker} -->") + 1
    if lines[at].startswith("```"):
        end = next(k for k in range(at + 1, len(lines)) if lines[k].startswith("```"))
        return lines[at + 1 : end]
    end = next((k for k in range(at, len(lines)) if not lines[k].startswith("|")), len(lines))
    return lines[at:end]


def _paragraph() -> str:
    return "\n".join(_block_after("paragraph"))


def _published() -> str:
    command = "\n".join(_block_after("command"))
    match = re.search(r"diplotrack .*check paragraph\.txt --published (\d{4}-\d{2}-\d{2})", command)
    assert match, command
    return match.group(1)


def _output_rows() -> list[list[str]]:
    """First lines of the rows of the pasted table (a row's first line has its verdict)."""
    rows = []
    for line in _block_after("output"):
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[7]:
            rows.append(cells)
    return rows


def _verdict_rows() -> list[list[str]]:
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in _block_after("verdicts")]
    return rows[2:]  # header and rule


def _checked(hs: dt.Record) -> tuple[str, list[dict[str, Any]]]:
    text = _paragraph()
    return text, claims(hs, text, _published())


def _number(value: Any) -> str:
    return "" if value is None else str(value)


def test_doc_example_paragraph_is_checked_as_the_pasted_output_shows(hs: dt.Record) -> None:
    text, found = _checked(hs)
    actual = [
        [
            figure(text, c),
            c["leader"]["name"],
            c["country"],
            c["since"] or "",
            _number(c["claimed"]),
            _number(c["found"]),
            c["verdict"],
        ]
        for c in found
    ]
    assert actual == [row[1:8] for row in _output_rows()]


def test_doc_example_verdicts_table_matches_the_checker(hs: dt.Record) -> None:
    text, found = _checked(hs)
    actual = [
        [
            figure(text, c),
            c["leader"]["name"],
            _number(c["claimed"]),
            _number(c["found"]),
            c["verdict"],
        ]
        for c in found
    ]
    assert actual == [row[:5] for row in _verdict_rows()]


def test_doc_example_reaches_every_verdict(hs: dt.Record) -> None:
    _, found = _checked(hs)
    assert {c["verdict"] for c in found} == {"supported", "close", "contradicted", "unverifiable"}


def test_doc_example_names_the_transit_convention(hs: dt.Record) -> None:
    text, found = _checked(hs)
    obama = next(c for c in found if figure(text, c) == "ten times")
    assert obama["convention"] == "transit stops included"
