"""Export the record as the trip table (docs/table-format.md), one row per stop, in a stable
order, so that two exports of the same record are byte-identical and the file round-trips
through ``import table``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from diplotrack.sources.table import COLUMNS
from diplotrack.store import schema
from diplotrack.store.trips import load_trips

EXPORT_COLUMNS = (*COLUMNS, "leader_id")
FORMATS = ("csv", "json", "jsonl", "parquet")


def export_rows(conn: Connection) -> list[dict[str, Any]]:
    leaders = {r.id: r for r in conn.execute(select(schema.leaders))}
    rows: list[dict[str, Any]] = []
    for trip in sorted(load_trips(conn), key=lambda t: (t.leader_id, t.start_date or "", t.id)):
        leader = leaders[trip.leader_id]
        for stop in trip.stops:
            urls = [ev.url for ev in stop.evidence if ev.url]
            rows.append(
                {
                    "leader": leader.name,
                    "leader_country": leader.country or "",
                    "office": stop.stated_title or "",
                    "start_date": stop.start_date or "",
                    "end_date": stop.end_date or "",
                    "country": stop.country,
                    "cities": ";".join(stop.cities),
                    "kind": stop.kind.value,
                    "occasion": stop.occasion or "",
                    "status": trip.status.value,
                    "trip": trip.id,
                    "source_url": urls[0] if urls else "",
                    "notes": stop.notes or "",
                    "leader_id": trip.leader_id,
                }
            )
    return rows


def render(rows: Sequence[dict[str, Any]], fmt: str) -> bytes:
    """The rows in ``csv``, ``json`` or ``jsonl`` (``parquet`` goes through :func:`write`)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "json":
        return (json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write(rows: Sequence[dict[str, Any]], fmt: str, out: Path) -> None:
    if fmt != "parquet":
        out.write_bytes(render(rows, fmt))
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({col: [r[col] for r in rows] for col in EXPORT_COLUMNS})
    pq.write_table(table, out)
