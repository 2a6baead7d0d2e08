"""Rows of a CSV, JSON or JSONL file as dictionaries with a locator (``file:line``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from diplotrack.errors import InputError

Row = tuple[str, dict[str, str]]


def read_text(path: Path, label: str, encodings: tuple[str, ...] = ("utf-8",)) -> str:
    """The file's text; :class:`InputError` naming the line of the first undecodable byte."""
    if not path.is_file():
        raise InputError(f"{label}: no such file")
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(f"{label}:1: the file is empty")
    error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return raw.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    line = raw[: error.start].count(b"\n") + 1
    raise InputError(
        f"{label}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
    )


def read_rows(
    path: Path, label: str, required: tuple[str, ...], encodings: tuple[str, ...] = ("utf-8",)
) -> list[Row]:
    """Rows by format (from the file name): ``.csv``, ``.json`` or ``.jsonl``."""
    text = read_text(path, label, encodings)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        rows = list(_jsonl(text, label))
    elif suffix == ".json":
        rows = list(_json(text, label))
    else:
        rows = list(_csv(text, label, required))
    if not rows:
        raise InputError(f"{label}:1: no rows")
    if suffix in (".json", ".jsonl"):
        _check_required(rows, required)
    return rows


def _csv(text: str, label: str, required: tuple[str, ...]) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [col for col in required if col not in header]
    if missing:
        raise InputError(
            f"{label}:1: missing required column(s): {', '.join(missing)} "
            f"(found: {', '.join(header) or 'none'})"
        )
    try:
        start = reader.line_num + 1
        for row in reader:
            if None in row:
                raise InputError(f"{label}:{start}: more fields than the header has")
            yield f"{label}:{start}", {k: (v or "").strip() for k, v in row.items()}
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{label}:{reader.line_num}: malformed CSV ({exc})") from exc


def _json(text: str, label: str) -> Iterator[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{label}:{exc.lineno}: malformed JSON ({exc.msg})") from exc
    items = data.get("trips") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(f'{label}:1: expected a list of rows or {{"trips": [...]}}')
    for number, item in enumerate(items, start=1):
        yield f"{label}:row {number}", _object(item, f"{label}:row {number}")


def _jsonl(text: str, label: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{label}:{number}: malformed JSON ({exc.msg})") from exc
        yield f"{label}:{number}", _object(item, f"{label}:{number}")


def _object(item: object, locator: str) -> dict[str, str]:
    if not isinstance(item, dict):
        raise InputError(f"{locator}: expected an object")
    return {str(k): _scalar(v) for k, v in item.items()}


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value).strip()


def _check_required(rows: list[Row], required: tuple[str, ...]) -> None:
    locator, first = rows[0]
    missing = [col for col in required if col not in first]
    if missing:
        raise InputError(f"{locator}: missing required field(s): {', '.join(missing)}")
