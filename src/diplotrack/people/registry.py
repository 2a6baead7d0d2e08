"""Leaders and tenures from our CSV format and from Wikidata SPARQL JSON results.

The bundled registry (``data/leaders/*.csv``) uses the same CSV format as
``diplotrack import leaders``; see ``docs/leaders.md``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from diplotrack.dates import DateError, parse_partial
from diplotrack.errors import InputError, Reject
from diplotrack.model import Leader, OfficeKind, Tenure
from diplotrack.people.titles import base_title
from diplotrack.text import slug, split_list

CSV_COLUMNS = (
    "leader_id",
    "name",
    "country",
    "office_kind",
    "title",
    "start_date",
    "end_date",
    "acting",
    "aliases",
    "external_ids",
    "source",
)
REQUIRED = ("name",)


@dataclass(slots=True)
class LeaderRecord:
    leader: Leader
    tenures: list[Tenure] = field(default_factory=list)
    locator: str = ""


@dataclass(slots=True)
class LeaderBatch:
    records: list[LeaderRecord]
    rejects: list[Reject]


@cache
def bundled_registry() -> LeaderBatch:
    """Every leader and tenure shipped with the package (read once per process; callers
    must not change it)."""
    folder = resources.files("diplotrack").joinpath("data/leaders")
    rows: list[tuple[str, int, dict[str, str]]] = []
    rejects: list[Reject] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            name = f"data/leaders/{entry.name}"
            rows.extend(_csv_rows(entry.read_text(encoding="utf-8"), name, rejects))
    return _records(rows, rejects)


def parse_leaders_csv(text: str, name: str) -> LeaderBatch:
    rejects: list[Reject] = []
    rows = list(_csv_rows(text, name, rejects))
    return _records(rows, rejects)


def _csv_rows(
    text: str, name: str, rejects: list[Reject]
) -> Iterator[tuple[str, int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [col for col in REQUIRED if col not in header]
    if missing:
        raise InputError(f"{name}:1: missing required column(s): {', '.join(missing)}")
    for row in reader:
        clean = {k: (v or "").strip() for k, v in row.items() if k is not None}
        yield name, reader.line_num, clean


def _records(rows: Iterable[tuple[str, int, dict[str, str]]], rejects: list[Reject]) -> LeaderBatch:
    by_id: dict[str, LeaderRecord] = {}
    for name, line, row in rows:
        locator = f"{name}:{line}"
        try:
            leader, tenure = _row(row)
        except (DateError, ValueError) as exc:
            rejects.append(Reject(locator, str(exc)))
            continue
        record = by_id.get(leader.id)
        if record is None:
            by_id[leader.id] = record = LeaderRecord(leader, [], locator)
        else:
            record.leader = _merge_leader(record.leader, leader)
        if tenure is not None:
            record.tenures.append(tenure)
    return LeaderBatch(list(by_id.values()), rejects)


def _row(row: dict[str, str]) -> tuple[Leader, Tenure | None]:
    name = row.get("name", "")
    if not name:
        raise ValueError("name is empty")
    leader_id = row.get("leader_id") or slug(name)
    country = row.get("country", "").upper() or None
    leader = Leader(
        id=leader_id,
        name=name,
        country=country,
        aliases=split_list(row.get("aliases")),
        external_ids=split_list(row.get("external_ids")),
    )
    if not row.get("title") and not row.get("start_date"):
        return leader, None
    return leader, _tenure(leader_id, country, row)


def _tenure(leader_id: str, country: str | None, row: dict[str, str]) -> Tenure:
    if not country:
        raise ValueError("a tenure needs the office's country")
    if not row.get("title"):
        raise ValueError("a tenure needs a title")
    try:
        kind = OfficeKind(row.get("office_kind") or "other")
    except ValueError:
        raise ValueError(
            f"office_kind {row.get('office_kind')!r} is not one of "
            + ", ".join(k.value for k in OfficeKind)
        ) from None
    start = parse_partial(row.get("start_date", ""))
    end = parse_partial(row["end_date"]) if row.get("end_date") else None
    if end is not None and end < start:
        raise DateError(f"end_date {end} is before start_date {start}")
    acting = row.get("acting", "").lower() in ("true", "1", "yes")
    return Tenure(leader_id, country, kind, row["title"], start, end, acting, row.get("source", ""))


def _merge_leader(old: Leader, new: Leader) -> Leader:
    return Leader(
        id=old.id,
        name=old.name,
        country=old.country or new.country,
        aliases=tuple(dict.fromkeys(old.aliases + new.aliases)),
        external_ids=tuple(dict.fromkeys(old.external_ids + new.external_ids)),
    )


def parse_wikidata_json(text: str, name: str) -> LeaderBatch:
    """A SPARQL JSON result with ``person``, ``personLabel``, ``positionLabel``,
    ``countryCode``, ``officeKind``, ``start`` and optional ``end`` (see docs/leaders.md)."""
    try:
        bindings = json.loads(text)["results"]["bindings"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{name}:1: not a SPARQL JSON result ({exc})") from exc
    rows = ((name, index + 1, _wikidata_row(b)) for index, b in enumerate(bindings))
    return _records(rows, [])


def _wikidata_row(binding: dict[str, dict[str, str]]) -> dict[str, str]:
    def value(key: str) -> str:
        return binding.get(key, {}).get("value", "")

    qid = value("person").rsplit("/", 1)[-1]
    return {
        "leader_id": "",
        "name": value("personLabel"),
        "country": value("countryCode"),
        "office_kind": value("officeKind") or "other",
        "title": base_title(value("positionLabel")),
        "start_date": value("start")[:10],
        "end_date": value("end")[:10],
        "acting": "false",
        "aliases": "",
        "external_ids": f"wikidata:{qid}" if qid else "",
        "source": "wikidata",
    }
