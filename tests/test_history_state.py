"""Importing the Office of the Historian's real travels and visits data."""

from __future__ import annotations

import collections
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import diplotrack as dt
from diplotrack.places import history_state_country
from tests.conftest import SHARED


def _raw_records() -> list[tuple[str, ET.Element]]:
    records = []
    for folder, tag in (("travels", "trip"), ("visits", "visit")):
        for file in sorted((SHARED / folder).rglob("*.xml")):
            root = ET.parse(file).getroot()
            records.extend((folder, el) for el in root.iter(tag))
    return records


def _content(folder: str, el: ET.Element) -> tuple[str, ...]:
    skip = {"id", "created-by", "created-datetime", "last-modified-by", "last-modified-datetime"}
    fields = tuple(
        f"{c.tag}={' '.join((c.text or '').split())}|{sorted(c.attrib.items())}"
        for c in el
        if c.tag not in skip
    )
    return (folder, *fields, str(sorted(el.attrib.items())))


def _raw_duplicates() -> int:
    counts = collections.Counter(_content(f, el) for f, el in _raw_records())
    return sum(n - 1 for n in counts.values())


def test_one_stop_per_upstream_record_less_exact_duplicates(hs: dt.Record) -> None:
    rows = hs.export_rows()
    assert len(rows) == len(_raw_records()) - _raw_duplicates()


def test_exact_duplicates_are_reported_and_kept_once_with_both_ids(rec: dt.Record) -> None:
    summary = rec.import_file("history-state", SHARED)
    assert summary.duplicates == _raw_duplicates() > 0
    duplicate_notes = [n for n in summary.notices if "exact duplicate" in n]
    assert len(duplicate_notes) == summary.duplicates
    with rec.db.reading() as conn:
        evidence = conn.execute(sa.text("SELECT count(*) FROM evidence")).scalar()
    assert evidence == len(rec.export_rows()) + summary.duplicates


def test_second_import_changes_nothing(rec: dt.Record) -> None:
    first = rec.import_file("history-state", SHARED)
    before = rec.export_rows()
    second = rec.import_file("history-state", SHARED)
    assert (second.added, second.updated, second.leaders_added) == (0, 0, 0)
    assert second.unchanged == first.added
    assert rec.export_rows() == before


def test_per_traveller_counts_match_the_raw_xml(hs: dt.Record) -> None:
    raw = collections.Counter(el.get("who") for f, el in _raw_records() if f == "travels")
    duplicates = collections.Counter(
        dict(el.attrib).get("who") for f, el in _dup_elements() if f == "travels"
    )
    stops = collections.Counter(r["leader_id"] for r in hs.export_rows())
    for who, count in raw.items():
        leader = hs.leader(f"history-state:{who}")
        assert stops[leader.id] == count - duplicates[who], who


def _dup_elements() -> list[tuple[str, ET.Element]]:
    seen: set[tuple[str, ...]] = set()
    dups = []
    for folder, el in _raw_records():
        key = _content(folder, el)
        if key in seen:
            dups.append((folder, el))
        seen.add(key)
    return dups


def test_per_country_counts_match_the_raw_xml(hs: dt.Record) -> None:
    raw: collections.Counter[str] = collections.Counter()
    for folder, el in _raw_records():
        if folder == "travels":
            node = el.find("country")
            assert node is not None
            country = history_state_country(node.get("id", ""), node.text or "")
            assert country is not None
            raw[country.iso3] += 1
        else:
            raw["USA"] += 1
    for _folder, el in _dup_elements():
        node = el.find("country")
        if node is not None:
            found = history_state_country(node.get("id", ""), node.text or "")
            assert found is not None
            raw[found.iso3] -= 1
    assert collections.Counter(r["country"] for r in hs.export_rows()) == raw


def test_consecutive_records_form_one_trip_with_several_stops(hs: dt.Record) -> None:
    result = hs.trips("Barack Obama", since="2009-03-31", until="2009-04-07")
    trip_ids = {v.trip.id for v in result.visits}
    assert len(trip_ids) == 1
    assert [v.country for v in result.visits][:4] == ["GBR", "FRA", "DEU", "CZE"]


def test_visitor_string_resolves_to_leader_and_title(hs: dt.Record) -> None:
    leader = hs.leader("Maria Eugenia Charles")  # Dominica: the bundled registry lacks it
    assert leader.country == "DMA"
    visits = hs.trips(leader.id).visits
    assert visits and all(v.country == "USA" for v in visits)
    assert {v.office.title for v in visits} == {"Prime Minister"}
    assert not visits[0].office.verified


def test_registry_leader_matched_from_visitor_string(hs: dt.Record) -> None:
    putin = hs.leader("Vladimir Putin")
    visits = hs.trips(putin.id, to="United States").visits
    assert visits, "Putin's visits to the US resolve to the registry's Putin"
    assert all(v.office.verified for v in visits)


def test_biden_visits_to_belgium_are_numbered_and_sourced(hs: dt.Record) -> None:
    result = hs.trips("Joseph R. Biden", to="Belgium")
    assert [v.n for v in result.visits] == list(range(1, len(result.visits) + 1))
    data = result.to_dict()
    assert all(
        t["sources"] and t["sources"][0]["url"].startswith("https://history.state.gov")
        for t in data["trips"]
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def archive_server(tmp_path: Path) -> Iterator[str]:
    """Serves the shared data as the two repositories' zip archives, like the public host."""
    root = tmp_path / "site"
    for repo in ("travels", "visits"):
        target = root / repo / "archive" / "refs" / "heads"
        target.mkdir(parents=True)
        staging = tmp_path / "staging" / repo / f"{repo}-master"
        shutil.copytree(SHARED / repo, staging)
        shutil.make_archive(str(target / "master"), "zip", staging.parent)
    handler = lambda *a, **k: _Quiet(*a, directory=str(root), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_import_without_path_downloads_from_the_base_url(
    tmp_path: Path, archive_server: str
) -> None:
    with dt.open(str(tmp_path / "d.sqlite"), history_state_url=archive_server) as record:
        summary = record.import_file("history-state", None)
        assert summary.added > 0
        assert len(record.export_rows()) == len(_raw_records()) - _raw_duplicates()


def test_download_failure_is_a_clear_error(tmp_path: Path) -> None:
    with dt.open(str(tmp_path / "d.sqlite"), history_state_url="http://127.0.0.1:9") as record:
        with pytest.raises(dt.errors.InputError, match="download failed"):
            record.import_file("history-state", None)
        assert record.export_rows() == []


def test_a_combined_travels_file_in_a_folder_is_skipped_not_counted_twice(tmp_path: Path) -> None:
    folder = tmp_path / "president-travels"
    folder.mkdir()
    source = SHARED / "travels" / "president-travels" / "obama-barack.xml"
    shutil.copy(source, folder / "obama-barack.xml")
    shutil.copy(source, folder / "up-to-obama.xml")
    with dt.open(str(tmp_path / "r.sqlite")) as record:
        summary = record.import_file("history-state", tmp_path)
        assert any("up-to-obama.xml:1: skipped" in n for n in summary.notices)
        assert summary.duplicates == 0
        assert len(record.export_rows()) == len(ET.parse(source).getroot())
