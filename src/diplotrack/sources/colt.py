"""The COLT leader-travel dataset (University of Denver): a CSV, or an XLSX with a ``Master`` sheet.

COLT has one row per leader per visited country. Rows sharing ``(LeaderID, TripID)`` form one
trip and every row is one stop of it. Each stop carries the row's role as a ``role:<code>``
flag. Ministers, IGO heads and other officials (roles F, E, I, CP) are kept under a title that
is not a head-of-state or head-of-government office, so that leader counts leave them out
unless all roles are asked for.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from diplotrack.dates import DateError, check_order, excel_serial, parse_partial
from diplotrack.errors import InputError, Notice, Reject
from diplotrack.model import Evidence, Status, Stop, StopKind, Trip
from diplotrack.people.titles import kind_of_title
from diplotrack.places import gazetteer
from diplotrack.sources.base import ImportBatch, ImportContext
from diplotrack.sources.people import PeopleResolver
from diplotrack.sources.rows import Row, read_rows
from diplotrack.text import stable_id

SOURCE = "colt"
RULE = "colt-importer"
SHEET = "Master"
ENCODINGS = ("utf-8", "cp1252", "latin-1")
PROGRESS = "reading COLT rows"
PROGRESS_EVERY = 1000
# Canonical column keys: lower case, letters and digits only (see _key).
REQUIRED = {
    "leaderid": "LeaderID",
    "leaderfullname": "LeaderFullName",
    "tripid": "TripID",
    "tripstartdate": "TripStartDate",
}
COUNTRY_COLUMNS = {"countryvisitediso": "CountryVisitedISO", "countryvisited": "CountryVisited"}
UNKNOWN = frozenset({"unknown", "n/a", "none", "?", "tbd"})
TRUE_WORDS = frozenset({"yes", "y", "true", "t", "x"})
_LINK = re.compile(r"sourcelink(\d*)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"\d{4}")
_MIDNIGHT = re.compile(r"[ T]00:00(?::00(?:\.0+)?)?$")
_WHOLE = re.compile(r"(\d+)\.0+")
_CITY_SEP = re.compile(r"[;,]")
_DC = frozenset({"dc", "d.c.", "d.c"})
_LAST_SERIAL = 2958465  # 9999-12-31


@dataclass(frozen=True, slots=True)
class Role:
    """A COLT LeaderRole code, the title used when the row states none, and whether the
    role is a head of state or government."""

    code: str
    default_title: str
    leader: bool


ROLES = {
    "gs": Role("GS", "President", True),
    "g": Role("G", "Prime Minister", True),
    "s": Role("S", "Head of State", True),
    "defacto": Role("De Facto", "Head of State", True),
    "f": Role("F", "Foreign Minister", False),
    "e": Role("E", "Minister", False),
    "i": Role("I", "IGO leader", False),
    "cp": Role("CP", "Official", False),
}


@dataclass(slots=True)
class _Row:
    """One COLT row, checked and resolved, before grouping into trips."""

    locator: str
    trip_key: tuple[str, str]
    leader_key: str
    stop: Stop


@dataclass(slots=True)
class _Reader:
    """Turns rows into stops, resolving leaders, countries and cities once per distinct value."""

    people: PeopleResolver
    notices: list[Notice] = field(default_factory=list)
    _leaders: dict[str, str] = field(default_factory=dict)
    _countries: dict[str, str | None] = field(default_factory=dict)
    _cities: dict[tuple[str, str], bool] = field(default_factory=dict)
    _noted: set[str] = field(default_factory=set)

    def row(self, locator: str, row: dict[str, str]) -> _Row:
        leader_id, trip_id = _required_id(row, "leaderid"), _required_id(row, "tripid")
        start, end = _dates(row)
        iso3 = self.visited(row)
        leader_key = self.leader(locator, leader_id, row)
        role = self.role(locator, row.get("leaderrole", ""))
        title, replaced = _title(role, row.get("leadertitle", ""))
        cities = _cities(row.get("cityvisited", ""))
        flags = (
            *((f"role:{role.code}",) if role else ()),
            *self.duration(locator, row),
            *self.city_flags(locator, cities, iso3),
        )
        summit = _truthy(row.get("attendedmultilatevent", ""))
        stop = Stop(
            country=iso3,
            start_date=start,
            end_date=end,
            cities=cities,
            kind=StopKind.SUMMIT if summit else StopKind.UNKNOWN,
            occasion=(row.get("namemultilatevent") or None) if summit else None,
            stated_title=title,
            notes=self.notes(locator, row, replaced),
            flags=flags,
        )
        stop.evidence.append(
            Evidence(
                source=SOURCE,
                record_id=f"{leader_id}:{trip_id}:{iso3}",
                url=_first_link(row),
                locator=locator,
                excerpt=row.get("notes") or None,
                rule=RULE,
            )
        )
        return _Row(locator, (leader_id, trip_id), leader_key, stop)

    def leader(self, locator: str, leader_id: str, row: dict[str, str]) -> str:
        if leader_id in self._leaders:
            return self._leaders[leader_id]
        name = row.get("leaderfullname", "")
        if not name:
            raise ValueError("field LeaderFullName: required, but empty")
        country = self.leader_country(locator, row.get("leadercountryiso", ""))
        key = self.people.by_external(f"{SOURCE}:{leader_id}", name, country, locator)
        self._leaders[leader_id] = key
        return key

    def leader_country(self, locator: str, text: str) -> str | None:
        if not text or text.casefold() in UNKNOWN:
            return None
        iso3 = self.country(text)
        if iso3 is None:
            self.note_once(
                f"leader-country:{text}",
                locator,
                f"field LeaderCountryISO: unknown "
                f"country {text!r}: the leader is kept without a country",
            )
        return iso3

    def visited(self, row: dict[str, str]) -> str:
        code, name = row.get("countryvisitediso", ""), row.get("countryvisited", "")
        for text in (code, name):
            if text and text.casefold() not in UNKNOWN:
                iso3 = self.country(text)
                if iso3 is not None:
                    return iso3
        if not code and not name:
            raise ValueError("field CountryVisitedISO: required, but empty")
        if not code:
            raise ValueError(
                f"field CountryVisitedISO: empty, and CountryVisited {name!r} "
                "is not a known country"
            )
        shown = f" (CountryVisited {name!r})" if name and name != code else ""
        raise ValueError(f"field CountryVisitedISO: unknown country {code!r}{shown}")

    def country(self, text: str) -> str | None:
        if text not in self._countries:
            found = gazetteer().country(text)
            self._countries[text] = found.iso3 if found is not None else None
        return self._countries[text]

    def role(self, locator: str, text: str) -> Role | None:
        if not text:
            return None
        role = ROLES.get(_key(text))
        if role is None:
            role = Role(text, "Official", False)
            self.note_once(
                f"role:{text}",
                locator,
                f"field LeaderRole: unknown role {text!r}: "
                "kept, and not counted as a head of state or government",
            )
        return role

    def duration(self, locator: str, row: dict[str, str]) -> tuple[str, ...]:
        text = row.get("tripduration", "")
        if text.casefold() == "tbd":
            return ("duration-tbd",)
        if text and not _NUMBER.fullmatch(text):
            self.note_once(
                f"duration:{text}",
                locator,
                f"field TripDuration: {text!r} is not a number of days: ignored",
            )
        return ()

    def city_flags(self, locator: str, cities: tuple[str, ...], iso3: str) -> tuple[str, ...]:
        flags: list[str] = []
        for city in cities:
            if (city, iso3) not in self._cities:
                known = gazetteer().city_known(city, iso3)
                self._cities[(city, iso3)] = known
                if not known:
                    self.notices.append(
                        Notice(
                            locator,
                            f"city {city!r} is not in the gazetteer for {iso3}: kept as written",
                        )
                    )
            if not self._cities[(city, iso3)]:
                flags.append(f"city-unknown:{city}")
        return tuple(flags)

    def notes(self, locator: str, row: dict[str, str], replaced: str | None) -> str | None:
        parts: list[str] = []
        confidence = _whole(row.get("confidence", ""))
        if confidence in ("1", "2", "3", "4", "5"):
            parts.append(f"confidence {confidence}/5")
        elif confidence:
            self.note_once(
                f"confidence:{confidence}",
                locator,
                f"field Confidence: {confidence!r} is not 1 to 5: ignored",
            )
        if replaced:
            parts.append(f"title in COLT: {replaced}")
        if row.get("notes"):
            parts.append(row["notes"])
        return "; ".join(parts) or None

    def note_once(self, key: str, locator: str, message: str) -> None:
        if key not in self._noted:
            self._noted.add(key)
            self.notices.append(Notice(locator, message))


class ColtImporter:
    name = SOURCE
    help = (
        "COLT leader travel (University of Denver): CSV, or XLSX with a 'Master' sheet; "
        "ministers and IGO heads are kept but not counted as leaders."
    )

    def __call__(self, path: Path | None, context: ImportContext) -> ImportBatch:
        if path is None:
            raise InputError("import colt needs a PATH (COLT is not downloaded automatically)")
        label = str(path)
        batch = ImportBatch(source=SOURCE)
        reader = _Reader(PeopleResolver(context.leaders, "colt"))
        if path.suffix.lower() == ".xls":
            raise InputError(
                f"{label}: old-style .xls workbooks are not read; save the file as .xlsx or CSV"
            )
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            with _sheet_rows(path, label) as (rows, total):
                parsed = _read_all(rows, total, reader, batch, context)
        else:
            listed = _csv_rows(path, label)
            parsed = _read_all(listed, len(listed), reader, batch, context)
        for item in parsed:
            item.leader_key = reader.people.final(item.leader_key)
        batch.trips = _trips(parsed, batch)
        batch.leaders = reader.people.new_records()
        batch.notices.extend(reader.notices)
        batch.notices.extend(reader.people.notices)
        return batch


IMPORTER = ColtImporter()


def _read_all(
    rows: Iterable[Row],
    total: int | None,
    reader: _Reader,
    batch: ImportBatch,
    context: ImportContext,
) -> list[_Row]:
    parsed: list[_Row] = []
    done = 0
    for done, (locator, row) in enumerate(rows, start=1):
        if done % PROGRESS_EVERY == 0:
            context.progress(PROGRESS, done, total)
        if not any(row.values()):
            continue
        batch.records += 1
        try:
            parsed.append(reader.row(locator, row))
        except (ValueError, InputError) as exc:
            batch.rejects.append(Reject(locator, str(exc)))
    context.progress(PROGRESS, done, done)
    return parsed


def _trips(rows: list[_Row], batch: ImportBatch) -> list[Trip]:
    grouped: dict[tuple[str, str], list[_Row]] = {}
    for item in rows:
        grouped.setdefault(item.trip_key, []).append(item)
    trips: list[Trip] = []
    for (leader_id, trip_id), items in grouped.items():
        stops = _distinct_stops(items, batch)
        stops.sort(key=lambda s: s.start_date or "9999")  # ISO text sorts as dates do
        trips.append(
            Trip(
                id=stable_id(SOURCE, leader_id, trip_id),
                leader_id=items[0].leader_key,
                stops=stops,
                status=Status.OCCURRED,
                origin=SOURCE,
            )
        )
    return trips


def _distinct_stops(items: list[_Row], batch: ImportBatch) -> list[Stop]:
    """The trip's stops without repeated rows; a second stop in one country gets a record id
    with a sequence number, so that each stop keeps its own evidence."""
    seen: dict[tuple[object, ...], str] = {}
    per_country: dict[str, int] = {}
    stops: list[Stop] = []
    for item in items:
        stop = item.stop
        content = (
            stop.country,
            stop.cities,
            stop.start_date,
            stop.end_date,
            stop.kind,
            stop.occasion,
            stop.stated_title,
            stop.notes,
            stop.flags,
        )
        if content in seen:
            batch.duplicates += 1
            batch.notices.append(
                Notice(item.locator, f"repeats the row at {seen[content]}: kept once")
            )
            continue
        seen[content] = item.locator
        per_country[stop.country] = per_country.get(stop.country, 0) + 1
        if per_country[stop.country] > 1:
            first = stop.evidence[0]
            stop.evidence[0] = replace(
                first, record_id=f"{first.record_id}:{per_country[stop.country]}"
            )
        stops.append(stop)
    return stops


def _csv_rows(path: Path, label: str) -> list[Row]:
    rows = [
        (locator, {_key(k): v for k, v in row.items()})
        for locator, row in read_rows(path, label, (), ENCODINGS)
    ]
    _check_header(rows[0][1].keys(), f"{label}:1")
    return rows


@contextmanager
def _sheet_rows(path: Path, label: str) -> Iterator[tuple[Iterator[Row], int | None]]:
    """The ``Master`` sheet's rows after the header, and how many there are if the file says."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise InputError(f"{label}: no such file")
    try:
        book: Any = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputError(f"{label}: not a readable XLSX workbook ({exc})") from exc
    try:
        if SHEET not in book.sheetnames:
            raise InputError(
                f"{label}: no sheet {SHEET!r} (sheets: {', '.join(book.sheetnames) or 'none'})"
            )
        sheet = book[SHEET]
        cells: Iterator[tuple[object, ...]] = sheet.iter_rows(values_only=True)
        header = [_key(_cell(value)) for value in next(cells, ())]
        _check_header(header, f"{label}:{SHEET}!row 1")
        total = sheet.max_row - 1 if isinstance(sheet.max_row, int) else None
        yield _sheet_dicts(cells, header, label), total
    finally:
        book.close()


def _sheet_dicts(
    cells: Iterator[tuple[object, ...]], header: list[str], label: str
) -> Iterator[Row]:
    for number, values in enumerate(cells, start=2):
        row = {name: _cell(value) for name, value in zip(header, values, strict=False) if name}
        yield f"{label}:{SHEET}!row {number}", row


def _cell(value: object) -> str:
    """A spreadsheet value as the text a CSV export would hold; dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _check_header(names: Iterable[str], locator: str) -> None:
    present = set(names)
    missing = [shown for key, shown in REQUIRED.items() if key not in present]
    if not present & COUNTRY_COLUMNS.keys():
        missing.append(" or ".join(COUNTRY_COLUMNS.values()))
    if missing:
        raise InputError(f"{locator}: missing required column(s): {', '.join(missing)}")


@cache
def _key(name: str) -> str:
    """``"Leader Full Name"``, ``"leaderfullname"`` -> ``leaderfullname``."""
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def _whole(text: str) -> str:
    """``"42.0"`` -> ``"42"``: ids and numbers as a spreadsheet export may write them."""
    match = _WHOLE.fullmatch(text)
    return match.group(1) if match else text


def _required_id(row: dict[str, str], key: str) -> str:
    value = _whole(row.get(key, ""))
    if not value:
        raise ValueError(f"field {REQUIRED[key]}: required, but empty")
    return value


def _dates(row: dict[str, str]) -> tuple[str, str | None]:
    start_text = row.get("tripstartdate", "")
    if not start_text:
        raise ValueError("field TripStartDate: required, but empty")
    start = _date(start_text, "TripStartDate")
    end_text = row.get("tripenddate", "")
    if not end_text or end_text.casefold() in UNKNOWN:
        return start, None
    end = _date(end_text, "TripEndDate")
    try:
        check_order(start, end)
    except DateError as exc:
        raise ValueError(f"field TripEndDate: {exc}") from exc
    return start, end


def _date(text: str, column: str) -> str:
    """ISO text (``2015-03-04``, a midnight time allowed) or an Excel serial (``42067``)."""
    value = text.strip()
    if _NUMBER.fullmatch(value) and not _YEAR.fullmatch(value):
        number = float(value)
        if not 1 <= number <= _LAST_SERIAL:
            raise ValueError(f"field {column}: {text!r} is not an Excel day number")
        return excel_serial(number)
    try:
        return parse_partial(_MIDNIGHT.sub("", value))
    except DateError as exc:
        raise ValueError(f"field {column}: {exc}") from exc


def _title(role: Role | None, stated: str) -> tuple[str | None, str | None]:
    """The title to record and, when the row's own title was set aside, that title.

    A stated title whose office kind disagrees with the role (an IGO head called "President
    of the European Commission", a head of state called "Supreme Leader") gives way to the
    role's title, so that counts follow the role."""
    if role is None:
        return stated or None, None
    if not stated:
        return role.default_title, None
    if kind_of_title(stated).is_leader == role.leader:
        return stated, None
    return role.default_title, stated


def _cities(text: str) -> tuple[str, ...]:
    """``"Minsk; Unknown"`` -> ``("Minsk",)``; ``"Washington, D.C."`` stays one city."""
    cities: list[str] = []
    for part in (p.strip() for p in _CITY_SEP.split(text)):
        if not part or part.casefold() in UNKNOWN:
            continue
        if part.casefold() in _DC and cities:
            cities[-1] = f"{cities[-1]}, {part}"
        elif part not in cities:
            cities.append(part)
    return tuple(cities)


def _truthy(text: str) -> bool:
    value = text.strip().casefold()
    if _NUMBER.fullmatch(value):
        return float(value) != 0
    return value in TRUE_WORDS


def _first_link(row: dict[str, str]) -> str | None:
    """The lowest-numbered non-empty ``SourceLink<n>`` column."""
    links = [
        (number, value)
        for key, value in row.items()
        if value and (number := _link_number(key)) is not None
    ]
    return min(links)[1] if links else None


@cache
def _link_number(key: str) -> int | None:
    match = _LINK.fullmatch(key)
    return int(match.group(1) or 0) if match else None
