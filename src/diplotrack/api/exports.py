"""The record as the trip table (docs/table-format.md): the bytes ``diplotrack export``
writes, as a download."""

from __future__ import annotations

import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from diplotrack import export as exporter
from diplotrack.api.params import Rec

router = APIRouter(prefix="/api", tags=["exports"])


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    PARQUET = "parquet"


MEDIA = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.JSON: "application/json",
    ExportFormat.JSONL: "application/jsonl",
    ExportFormat.PARQUET: "application/vnd.apache.parquet",
}


@router.get(
    "/export",
    summary="The record as a table: CSV, JSON, JSON lines or Parquet",
    response_class=Response,
    responses={
        200: {
            "description": "One row per stop, in a stable order.",
            "content": {m: {} for m in MEDIA.values()},
        }
    },
)
def export(
    rec: Rec,
    fmt: Annotated[
        ExportFormat, Query(alias="format", description="csv, json, jsonl or parquet.")
    ] = ExportFormat.CSV,
    leader: Annotated[str | None, Query(description="Only this leader's trips.")] = None,
) -> Response:
    """As `diplotrack export --format F`; the table round-trips through `import table`."""
    rows = rec.export_rows()
    stem = "diplotrack-trips"
    if leader:
        who = rec.leader(leader)
        rows = [row for row in rows if row["leader_id"] == who.id]
        stem += f"-{who.id}"
    headers = {"Content-Disposition": f'attachment; filename="{stem}.{fmt.value}"'}
    return Response(_bytes(rows, fmt), media_type=MEDIA[fmt], headers=headers)


def _bytes(rows: list[dict[str, Any]], fmt: ExportFormat) -> bytes:
    if fmt is not ExportFormat.PARQUET:
        return exporter.render(rows, fmt.value)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.parquet"
        exporter.write(rows, fmt.value, path)
        return path.read_bytes()
