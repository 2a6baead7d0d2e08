"""The US Office of the Historian's travels and visits (HistoryAtState/travels, /visits).

One upstream ``<trip>`` or ``<visit>`` becomes one stop; consecutive records of one person
whose dates overlap or touch (the next starts no later than the day after the last ended)
become one trip. Exact upstream duplicates are kept once, with every record id as evidence.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from diplotrack.dates import DateError, check_order, parse_partial, upper
from diplotrack.errors import InputError, Notice, Reject
from diplotrack.model import Evidence, Status, Stop, StopKind, Tenure, Trip
from diplotrack.places import history_state_country
from diplotrack.sources import download
from diplotrack.sources.base import CoverageDecl, ImportBatch, ImportContext
from diplotrack.sources.people import PeopleResolver
from diplotrack.sources.xmlsafe import child_text, element_lines, read_xml
from diplotrack.text import split_list, stable_id

SOURCE = "history-state"
SITE = "https://history.state.gov/departmenthistory"
ROLE_TITLES = {"president": "President", "secretary": "Secretary of State"}
# Remarks that open like this describe a stop on the way, not a visit (counting.md §3):
# "Stopped en route to India.", "Refueling stop en route from Uruguay."
TRANSIT_OPENINGS = (
    "stopped en route", "stopped while returning", "stopped during return", "stopped on the way",
    "refueling stop", "refuelling stop", "overnight stop en route", "stopover en route",
    "disembarked en route", "brief stop",
)  # fmt: skip
KIND_WORDS: tuple[tuple[str, StopKind], ...] = (
    ("state visit", StopKind.STATE),
    ("official working visit", StopKind.WORKING),
    ("official visit", StopKind.OFFICIAL),
    ("working visit", StopKind.WORKING),
    ("private visit", StopKind.PRIVATE),
    ("summit", StopKind.SUMMIT),
    ("refuel", StopKind.TRANSIT),
    ("transit", StopKind.TRANSIT),
)


@dataclass(slots=True)
class Record:
    """One upstream record, checked and resolved, before grouping into trips."""

    collection: str
    record_id: str
    locator: str
    person: str
    stated_title: str | None
    country: str
    cities: tuple[str, ...]
    start: str | None
    end: str | None
    text: str
    url: str
    duplicate_ids: list[str] = field(default_factory=list)

    @property
    def content(self) -> tuple[object, ...]:
        return (
            self.collection,
            self.person,
            self.stated_title,
            self.country,
            self.cities,
            self.start,
            self.end,
            self.text,
        )


class HistoryStateImporter:
    name = SOURCE
    help = "US Office of the Historian travels and visits XML (a folder, or downloaded)."

    def __call__(self, path: Path | None, context: ImportContext) -> ImportBatch:
        if path is None:
            with tempfile.TemporaryDirectory(prefix="diplotrack-") as tmp:
                folder = download.history_state(context.settings, Path(tmp), context.progress)
                return self._read(folder, folder, context)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        return self._read(path, None, context)

    def _read(self, path: Path, shown: Path | None, context: ImportContext) -> ImportBatch:
        batch = ImportBatch(source=SOURCE)
        people = PeopleResolver(context.leaders, SOURCE, _tenures(context), context.resolve)
        files = _xml_files(path)
        if not files:
            raise InputError(f"{path}: no travels or visits XML files found")
        records: list[Record] = []
        for done, file in enumerate(files, start=1):
            label = str(file.relative_to(shown)) if shown else str(file)
            notices = batch.notices if path.is_dir() else None
            records.extend(_read_file(file, label, people, batch.rejects, notices))
            context.progress("reading XML", done, len(files))
        batch.records = len(records) + len(batch.rejects)
        unique = _dedupe(records, batch.notices)
        batch.duplicates = len(records) - len(unique)
        for record in unique:
            record.person = people.final(record.person)
        batch.trips = _group(unique)
        batch.leaders = people.new_records()
        batch.notices.extend(people.notices)
        batch.coverage = _coverage(unique)
        return batch


IMPORTER = HistoryStateImporter()


def _tenures(context: ImportContext) -> dict[str, list[Tenure]]:
    tenures = context.options.get("tenures", {})
    assert isinstance(tenures, dict)
    return tenures


def _xml_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.xml") if _collection_dir(p) is not None)


def _collection_dir(path: Path) -> str | None:
    parts = path.parts
    if "president-travels" in parts or "secretary-travels" in parts:
        return "travels"
    if len(parts) >= 2 and parts[-2] == "data":
        return "visits"
    return None


def _read_file(
    file: Path,
    label: str,
    people: PeopleResolver,
    rejects: list[Reject],
    notices: list[Notice] | None,
) -> list[Record]:
    """Records of one file. Reading a folder (``notices`` given), a travels file that is not
    one traveller's own is skipped and reported."""
    root, text = read_xml(file, label)
    if root.tag not in ("trips", "visits"):
        raise InputError(f"{label}:1: expected <trips> or <visits>, found <{root.tag}>")
    if notices is not None and root.tag == "trips" and not _one_traveller_file(root, file):
        notices.append(
            Notice(
                f"{label}:1",
                "skipped: its trips belong to travellers named by "
                "other files (a combined or older copy), so reading it would "
                "count them twice",
            )
        )
        return []
    tag = "trip" if root.tag == "trips" else "visit"
    lines = element_lines(text, tag)
    records: list[Record] = []
    for index, element in enumerate(root.findall(tag)):
        locator = f"{label}:{lines[index] if index < len(lines) else 1}"
        try:
            reader = _travel if tag == "trip" else _visit
            records.append(reader(element, locator, people))
        except (ValueError, InputError) as exc:
            rejects.append(Reject(locator, str(exc)))
    return records


def _one_traveller_file(root: ET.Element, file: Path) -> bool:
    """Upstream keeps one file per traveller, named by its ``who``; a file that is not (a
    combined "up-to-..." list, a renamed older copy) repeats trips found elsewhere."""
    return {trip.get("who") for trip in root.findall("trip")} <= {file.stem}


def _dates(element: ET.Element) -> tuple[str | None, str | None]:
    raw_start, raw_end = child_text(element, "start-date"), child_text(element, "end-date")
    try:
        start = parse_partial(raw_start) if raw_start else None
        end = parse_partial(raw_end) if raw_end else None
    except DateError as exc:
        raise ValueError(f"field start-date/end-date: {exc}") from exc
    if start is None and end is not None:
        start = end
    if start is not None:
        try:
            check_order(start, end)
        except DateError as exc:
            raise ValueError(f"field end-date: {exc}") from exc
    return start, end


def _country(element: ET.Element, tag: str) -> str:
    node = element.find(tag)
    slug = node.get("id", "") if node is not None else ""
    name = child_text(element, tag)
    country = history_state_country(slug, name)
    if country is None:
        raise ValueError(f"field {tag}: unknown country {slug!r} ({name!r})")
    return country.iso3


def _travel(element: ET.Element, locator: str, people: PeopleResolver) -> Record:
    who = element.get("who") or child_text(element, "who")
    role = child_text(element, "role") or element.get("role", "")
    name = child_text(element, "name")
    if not who or not name:
        raise ValueError("field name: the traveller is missing")
    start, end = _dates(element)
    title = ROLE_TITLES.get(role, role.title() or None)
    person = people.by_external(f"history-state:{who}", name, "USA", locator)
    return Record(
        collection="travels",
        record_id=child_text(element, "id"),
        locator=locator,
        person=person,
        stated_title=title,
        country=_country(element, "country"),
        cities=split_list(child_text(element, "locale"), ","),
        start=start,
        end=end,
        text=child_text(element, "remarks"),
        url=f"{SITE}/travels/{role}/{who}",
    )


def _visit(element: ET.Element, locator: str, people: PeopleResolver) -> Record:
    visitor = child_text(element, "visitor")
    if not visitor:
        raise ValueError("field visitor: empty")
    country = _country(element, "from")
    start, end = _dates(element)
    person, title = people.by_visitor_string(visitor, country, locator, start)
    node = element.find("from")
    slug = node.get("id", "") if node is not None else ""
    return Record(
        collection="visits",
        record_id=child_text(element, "id"),
        locator=locator,
        person=person,
        stated_title=title,
        country="USA",
        cities=(),
        start=start,
        end=end,
        text=child_text(element, "description"),
        url=f"{SITE}/visits/{slug}",
    )


def _dedupe(records: list[Record], notices: list[Notice]) -> list[Record]:
    first: dict[tuple[object, ...], Record] = {}
    for record in records:
        kept = first.setdefault(record.content, record)
        if kept is not record:
            kept.duplicate_ids.append(record.record_id)
            notices.append(
                Notice(
                    record.locator,
                    f"exact duplicate of record {kept.record_id} ({kept.locator}); "
                    "kept once with both ids as evidence",
                )
            )
    return list(first.values())


def _group(records: list[Record]) -> list[Trip]:
    by_person: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        by_person.setdefault((record.collection, record.person), []).append(record)
    trips: list[Trip] = []
    for person_records in by_person.values():
        person_records.sort(key=lambda r: (r.start or "", int(r.record_id or 0)))
        for group in _consecutive(person_records):
            trips.append(_trip(group))
    return trips


def _consecutive(records: list[Record]) -> list[list[Record]]:
    groups: list[list[Record]] = []
    last_end: dt.date | None = None
    for record in records:
        start = _first_day(record.start)
        if (
            groups
            and start is not None
            and last_end is not None
            and (start <= last_end + dt.timedelta(days=1))
        ):
            groups[-1].append(record)
        else:
            groups.append([record])
        end = _last_day(record.end or record.start)
        if end is not None and (last_end is None or end > last_end or len(groups[-1]) == 1):
            last_end = end
    return groups


def _first_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def _last_day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(upper(value)) if value else None


def _trip(group: list[Record]) -> Trip:
    head = group[0]
    trip_id = stable_id("hs", head.collection, head.record_id)
    return Trip(
        id=trip_id,
        leader_id=head.person,
        stops=[_stop(r) for r in group],
        status=Status.OCCURRED,
        origin=SOURCE,
    )


def _stop(record: Record) -> Stop:
    evidence = [
        Evidence(
            source=f"{SOURCE}/{record.collection}",
            record_id=rid,
            url=record.url,
            locator=record.locator if rid == record.record_id else None,
            excerpt=record.text or None,
            rule="history-state-importer",
        )
        for rid in (record.record_id, *record.duplicate_ids)
    ]
    return Stop(
        country=record.country,
        start_date=record.start,
        end_date=record.end,
        cities=record.cities,
        kind=_kind(record.text),
        occasion=_occasion(record.text),
        stated_title=record.stated_title,
        notes=record.text or None,
        evidence=evidence,
    )


def _kind(text: str) -> StopKind:
    folded = text.casefold()
    if folded.startswith(TRANSIT_OPENINGS):
        return StopKind.TRANSIT
    for words, kind in KIND_WORDS:
        if words in folded:
            return kind
    return StopKind.UNKNOWN


def _occasion(text: str) -> str | None:
    for sentence in text.split(". "):
        if "summit" in sentence.casefold() or "conference" in sentence.casefold():
            cleaned = sentence.strip().rstrip(".")
            for prefix in ("Attended the ", "Attended ", "Participated in the "):
                if cleaned.startswith(prefix):
                    cleaned = cleaned[len(prefix) :]
            return cleaned
    return None


def _coverage(records: list[Record]) -> list[CoverageDecl]:
    """The travels files record each US president's and secretary's trips abroad completely
    up to the last date they contain."""
    travels = [r for r in records if r.collection == "travels" and r.end]
    if not travels:
        return []
    last = max(upper(r.end or "") for r in travels)
    firsts: dict[str, str] = {}
    for record in travels:
        if record.start and (record.person not in firsts or record.start < firsts[record.person]):
            firsts[record.person] = record.start
    return [
        CoverageDecl(
            person,
            "1789-01-01",
            last,
            SOURCE,
            "Office of the Historian travels: every trip abroad, up to the data's last date",
        )
        for person in sorted(firsts)
    ]
