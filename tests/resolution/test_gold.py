"""Gold tables for name and place resolution, one parametrised test per row.

``people.tsv`` checks ``Record.resolve_person(mention, on, country)`` and ``places.tsv`` checks
``Record.resolve_place(mention, on, near)``. An empty expected leader or country means the
mention must stay unresolved. An expected office ending in " (acting)" also requires an acting
tenure. Lines starting with ``#`` are comments; the first other line is the header.

The rows are written to say what a careful reader expects, not what the code does today: a row
that fails is a resolver (or registry) bug unless the row itself is shown to be wrong.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import diplotrack as dt
from diplotrack.record import Record

HERE = Path(__file__).resolve().parent
PEOPLE = HERE / "people.tsv"
PLACES = HERE / "places.tsv"
PEOPLE_COLUMNS = [
    "mention",
    "on",
    "country_context",
    "expected_leader_id",
    "expected_office",
    "note",
]
PLACES_COLUMNS = ["mention", "on", "near", "expected_country", "expected_city", "note"]
ACTING = " (acting)"
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIN_ROWS = 300
MIN_SHARE = 0.30


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    @property
    def russian(self) -> bool:
        return bool(CYRILLIC.search(self.values["mention"]))


def load(path: Path, columns: list[str]) -> list[Row]:
    """The rows of a gold table, with their line numbers; comments and blank lines skipped."""
    rows: list[Row] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as handle:
        numbered = _content_lines(handle)
        for line, fields in _split(numbered):
            if header is None:
                header = fields
                assert header == columns, f"{path.name}:{line}: header {header} != {columns}"
                continue
            assert len(fields) == len(columns), (
                f"{path.name}:{line}: {len(fields)} fields, expected {len(columns)}: {fields}"
            )
            rows.append(Row(line, {c: v.strip() for c, v in zip(columns, fields, strict=True)}))
    return rows


def _content_lines(handle: Iterable[str]) -> Iterator[tuple[int, str]]:
    for number, text in enumerate(handle, start=1):
        if text.strip() and not text.startswith("#"):
            yield number, text.rstrip("\r\n")


def _split(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
    for number, text in lines:
        fields = next(csv.reader([text], delimiter="\t", quoting=csv.QUOTE_NONE))
        yield number, fields


def _id(row: Row) -> str:
    when = row["on"] or "undated"
    context = row.values.get("country_context") or row.values.get("near") or ""
    suffix = f"~{context}" if context else ""
    return f"L{row.line}:{row['mention']}@{when}{suffix}"


PEOPLE_ROWS = load(PEOPLE, PEOPLE_COLUMNS)
PLACES_ROWS = load(PLACES, PLACES_COLUMNS)


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Record]:
    rec = dt.open(str(tmp_path_factory.mktemp("gold") / "r.sqlite"))
    yield rec
    rec.close()


@pytest.mark.parametrize("row", PEOPLE_ROWS, ids=_id)
def test_person(record: Record, row: Row) -> None:
    got = record.resolve_person(row["mention"], row["on"] or None, row["country_context"] or None)
    expected = row["expected_leader_id"] or None
    summary = (
        f"{row['mention']!r} on {row['on'] or '-'}: got {got.leader_id} "
        f"({got.office.title}, acting={got.office.acting}; {got.method}; "
        f"alternatives {list(got.alternatives)}), expected {expected} — {row['note']}"
    )
    assert got.leader_id == expected, summary
    office = row["expected_office"]
    if expected is None or not office:
        return
    acting = office.endswith(ACTING)
    title = office.removesuffix(ACTING)
    assert got.office.title == title, summary
    if acting:
        assert got.office.acting, summary


@pytest.mark.parametrize("row", PLACES_ROWS, ids=_id)
def test_place(record: Record, row: Row) -> None:
    got = record.resolve_place(row["mention"], row["on"] or None, row["near"] or None)
    expected = row["expected_country"] or None
    summary = (
        f"{row['mention']!r} on {row['on'] or '-'} near {row['near'] or '-'}: got {got.country} "
        f"/ {got.city} ({got.kind}; alternatives {list(got.alternatives)}), "
        f"expected {expected} / {row['expected_city'] or '-'} — {row['note']}"
    )
    assert got.country == expected, summary
    if expected is not None and row["expected_city"]:
        assert got.city == row["expected_city"], summary


@pytest.mark.parametrize(
    ("name", "rows"), [("people", PEOPLE_ROWS), ("places", PLACES_ROWS)], ids=["people", "places"]
)
def test_tables_are_big_and_bilingual(name: str, rows: list[Row]) -> None:
    assert len(rows) >= MIN_ROWS, f"{name}: {len(rows)} rows"
    russian = sum(row.russian for row in rows) / len(rows)
    assert MIN_SHARE <= russian <= 1 - MIN_SHARE, f"{name}: {russian:.0%} of mentions in Russian"
