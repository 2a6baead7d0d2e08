"""Printing results as a table (Rich), JSON or CSV. Columns never depend on the data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def emit(
    console: Console,
    fmt: Format,
    data: dict[str, Any],
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Print ``data`` as JSON, or ``rows`` under ``columns`` as CSV or a table."""
    if fmt is Format.JSON:
        console.file.write(dumps(data) + "\n")
        return
    if fmt is Format.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        console.file.write(buffer.getvalue())
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def sources_text(sources: list[dict[str, Any]]) -> str:
    return "; ".join(f"{s['source']}#{s['record_id']}" for s in sources)
