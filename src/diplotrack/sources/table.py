"""Our own trip table (CSV, JSON or JSONL), documented in docs/table-format.md.

One row is one stop. Rows sharing a ``trip`` key form one trip; any other row is a trip.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from diplotrack.analysis.visits import DISPUTED_FLAG
from diplotrack.dates import DateError, check_order, parse_partial
from diplotrack.errors import InputError, Notice, Reject
from diplotrack.model import Evidence, Status, Stop, StopKind, Tenure, Trip
from diplotrack.people.offices import titles_during
from diplotrack.places import gazetteer
from diplotrack.places.disputed import disputed
from diplotrack.sources.base import CoverageDecl, ImportBatch, ImportContext
from diplotrack.sources.people import PeopleResolver
from diplotrack.sources.rows import read_rows
from diplotrack.text import split_list, stable_id

SOURCE = "table"
COLUMNS = (
    "leader",
    "leader_country",
    "office",
    "start_date",
    "end_date",
    "country",
    "cities",
    "kind",
    "occasion",
    "status",
    "trip",
    "source_url",
    "notes",
)
REQUIRED = ("leader", "start_date", "country")
E = TypeVar("E", StopKind, Status)


@dataclass(slots=True)
class _Row:
    locator: str
    trip_key: str | None
    leader_key: str
    status: Status
    office: str | None
    stop: Stop
    record_id: str


class TableImporter:
    name = SOURCE
    help = "diplotrack's own trip table: CSV, JSON or JSONL (docs/table-format.md)."

    def __call__(self, path: Path | None, context: ImportContext) -> ImportBatch:
        if path is None:
            raise InputError("import table needs a PATH")
        rows = read_rows(path, str(path), REQUIRED)
        batch = ImportBatch(source=SOURCE, records=len(rows))
        tenures = context.options.get("tenures", {})
        assert isinstance(tenures, dict)
        people = PeopleResolver(context.leaders, SOURCE, tenures, context.resolve)
        parsed: list[_Row] = []
        for done, (locator, row) in enumerate(rows, start=1):
            try:
                parsed.append(_parse(locator, row, people, batch.notices))
            except (ValueError, InputError) as exc:
                batch.rejects.append(Reject(locator, str(exc)))
            context.progress("reading rows", done, len(rows))
        for item in parsed:
            item.leader_key = people.final(item.leader_key)
            _check_office(item, tenures.get(item.leader_key, []), batch.notices)
        batch.trips = _trips(parsed, batch.rejects)
        batch.leaders = people.new_records()
        batch.notices.extend(people.notices)
        batch.coverage = _coverage(context, people)
        return batch


IMPORTER = TableImporter()


def _parse(
    locator: str, row: dict[str, str], people: PeopleResolver, notices: list[Notice]
) -> _Row:
    for column in REQUIRED:
        if not row.get(column):
            raise ValueError(f"field {column}: required, but empty")
    start, end = _dates(row)
    cities = split_list(row.get("cities"))
    country, flags = _country_and_flags(row["country"], cities)
    leader_country = _leader_country(row.get("leader_country", ""))
    leader_key = people.by_name(
        row["leader"], leader_country, locator, on=start, title=row.get("office") or None
    )
    if row.get("leader_id") and row["leader_id"] in people.index.countries:
        leader_key = row["leader_id"]
    for flag in flags:
        if flag.startswith("city-unknown:"):
            notices.append(
                Notice(
                    locator,
                    f"city {flag.split(':', 1)[1]!r} is not in the "
                    f"gazetteer for {country}: kept as written",
                )
            )
    stop = Stop(
        country=country,
        start_date=start,
        end_date=end,
        cities=cities,
        kind=_enum(StopKind, row.get("kind"), "kind", StopKind.UNKNOWN),
        occasion=row.get("occasion") or None,
        stated_title=row.get("office") or None,
        notes=row.get("notes") or None,
        flags=flags,
    )
    record_id = stable_id("r", json.dumps(sorted(row.items()), ensure_ascii=False))
    stop.evidence.append(
        Evidence(
            source=SOURCE,
            record_id=record_id,
            url=row.get("source_url") or None,
            locator=locator,
            rule="table-importer",
        )
    )
    status = _enum(Status, row.get("status"), "status", Status.OCCURRED)
    return _Row(
        locator,
        row.get("trip") or None,
        leader_key,
        status,
        row.get("office") or None,
        stop,
        record_id,
    )


def _country_and_flags(text: str, cities: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The stop's country (ISO3) and its flags: unknown cities, and a disputed territory
    (named as the country or by a city), which counts under the configured policy."""
    place = disputed(text) or next((p for p in map(disputed, cities) if p is not None), None)
    country = gazetteer().country(text)
    if country is not None:
        code = country.iso3
    elif place is not None:
        code = place.de_jure
    else:
        raise ValueError(f"field country: unknown country {text!r}")
    flags = [f"{DISPUTED_FLAG}{place.id}"] if place is not None else []
    flags += [
        f"city-unknown:{c}"
        for c in cities
        if disputed(c) is None and not gazetteer().city_known(c, code)
    ]
    return code, tuple(flags)


def _dates(row: dict[str, str]) -> tuple[str, str | None]:
    try:
        start = parse_partial(row["start_date"])
    except DateError as exc:
        raise ValueError(f"field start_date: {exc}") from exc
    try:
        end = parse_partial(row["end_date"]) if row.get("end_date") else None
        check_order(start, end)
    except DateError as exc:
        raise ValueError(f"field end_date: {exc}") from exc
    return start, end


def _leader_country(text: str) -> str | None:
    if not text:
        return None
    country = gazetteer().country(text)
    if country is None:
        raise ValueError(f"field leader_country: unknown country {text!r}")
    return country.iso3


def _enum(cls: type[E], value: str | None, field: str, default: E) -> E:
    if not value:
        return default
    try:
        return cls(value.strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"field {field}: {value!r} is not one of {allowed}") from None


def _check_office(item: _Row, tenures: list[Tenure], notices: list[Notice]) -> None:
    if item.office is None:
        return
    if not tenures:
        item.stop.flags = (*item.stop.flags, "office-unverified")
        return
    held = titles_during(tenures, item.stop.start_date or "")
    if item.office.casefold() not in {title.casefold() for title in held}:
        item.stop.flags = (*item.stop.flags, f"office-mismatch:{item.office}")
        notices.append(
            Notice(
                item.locator,
                f"office {item.office!r} does not match the "
                f"tenures: on {item.stop.start_date} the office was "
                f"{', '.join(sorted(held)) or 'none'}",
            )
        )


def _trips(rows: list[_Row], rejects: list[Reject]) -> list[Trip]:
    grouped: dict[str, list[_Row]] = {}
    for item in rows:
        key = item.trip_key or stable_id(
            "tbl", item.leader_key, item.stop.start_date or "", item.stop.country
        )
        grouped.setdefault(key, []).append(item)
    trips: list[Trip] = []
    for key, items in grouped.items():
        head = items[0]
        odd = [i for i in items if (i.leader_key, i.status) != (head.leader_key, head.status)]
        for item in odd:
            rejects.append(
                Reject(
                    item.locator,
                    f"field trip: rows of trip {key!r} name different leaders or statuses",
                )
            )
        good = [i for i in items if i not in odd]
        trips.append(
            Trip(
                id=key,
                leader_id=head.leader_key,
                stops=[i.stop for i in good],
                status=head.status,
                origin=SOURCE,
            )
        )
    return trips


def _coverage(context: ImportContext, people: PeopleResolver) -> list[CoverageDecl]:
    decls: list[CoverageDecl] = []
    for spec in context.options.get("complete_for", []) or []:  # type: ignore[attr-defined]
        leader, start, end = _coverage_spec(str(spec))
        ids = people.index.lookup(leader)
        if len(ids) != 1:
            raise InputError(
                f"--complete-for {spec!r}: leader {leader!r} "
                f"{'is ambiguous' if ids else 'is not known'}"
            )
        decls.append(CoverageDecl(ids[0], start, end, SOURCE, f"declared by --complete-for {spec}"))
    return decls


def _coverage_spec(spec: str) -> tuple[str, str, str]:
    parts = spec.rsplit(":", 2)
    if len(parts) != 3:
        raise InputError(f"--complete-for {spec!r}: expected LEADER:FROM:TO")
    try:
        return parts[0], parse_partial(parts[1]), parse_partial(parts[2])
    except DateError as exc:
        raise InputError(f"--complete-for {spec!r}: {exc}") from exc
