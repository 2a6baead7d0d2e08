"""Storage: migrations, the change log, edits with versions, soft deletion and merging."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

import diplotrack as dt
from diplotrack.errors import Conflict, InputError
from diplotrack.store import migrations
from diplotrack.store.database import Database
from tests.conftest import write

HEADER = "leader,leader_country,start_date,end_date,country,cities,kind,trip\n"
ROWS = (
    "Vladimir Putin,RUS,2024-11-27,2024-11-28,Kazakhstan,Astana,state,a\n"
    "Vladimir Putin,RUS,2024-10-08,,Turkmenistan,Ashgabat,,b\n"
    "Vladimir Putin,RUS,2024-10-09,,Kazakhstan,Almaty,,c\n"
)


@pytest.fixture
def loaded(rec: dt.Record, tmp_path: Path) -> dt.Record:
    rec.import_file("table", write(tmp_path / "t.csv", HEADER + ROWS))
    return rec


def test_opening_an_older_database_upgrades_it(db_url: str) -> None:
    old = Database(db_url)
    with old.transaction() as conn:
        version = migrations.current_version(conn)
    old.close()
    assert version == migrations.LATEST


def test_a_version_one_database_is_upgraded_keeping_its_data(db_url: str) -> None:
    engine = Database.__new__(Database)
    from diplotrack.settings import database_url
    from diplotrack.store.database import _engine

    engine.engine = _engine(database_url(db_url))
    with engine.engine.begin() as conn:
        migrations.migrate(conn, target=1)
        conn.execute(
            sa.text(
                "INSERT INTO leaders (id, name, country, origin) "
                "VALUES ('x-y', 'X Y', 'FRA', 'test')"
            )
        )
        assert not sa.inspect(conn).has_table("coverage")
    engine.engine.dispose()
    with dt.open(db_url) as record:
        assert record.db.upgraded_from == 1
        assert record.leader("x-y").country == "FRA"
        with record.db.reading() as conn:
            assert sa.inspect(conn).has_table("coverage")


def test_a_newer_database_is_refused(db_url: str) -> None:
    with dt.open(db_url) as record, record.db.transaction() as conn:
        conn.execute(sa.text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(RuntimeError, match="newer"):
        dt.open(db_url)


def test_an_edit_is_logged_with_who_what_and_why(loaded: dt.Record) -> None:
    loaded.edit_trip("a", {"1.kind": "official", "notes": "checked"}, why="press release")
    history = loaded.history("a")
    assert [c.action for c in history] == ["edit"]
    change = history[0]
    assert (change.who, change.why) == ("tester", "press release")
    assert change.data["before"] == {"1.kind": "state", "notes": None}


def test_an_edit_against_an_old_version_is_refused(loaded: dt.Record) -> None:
    version = loaded.trip("a").version
    loaded.edit_trip("a", {"notes": "first"}, why="one", version=version)
    with pytest.raises(Conflict):
        loaded.edit_trip("a", {"notes": "second"}, why="two", version=version)
    assert loaded.trip("a").notes == "first"


def test_an_invalid_edit_changes_nothing(loaded: dt.Record) -> None:
    before = loaded.export_rows()
    with pytest.raises(InputError):
        loaded.edit_trip(
            "a", {"1.start_date": "2024-11-27", "1.end_date": "2024-01-01"}, why="typo"
        )
    assert loaded.export_rows() == before
    assert loaded.history("a") == []


def test_a_deleted_trip_stops_counting_and_can_be_restored(loaded: dt.Record) -> None:
    loaded.delete_trip("a", why="duplicate of a news report")
    assert {r.key: r.visits for r in loaded.top("Putin").rows} == {"KAZ": 1, "TKM": 1}
    assert loaded.trip("a").deleted
    loaded.restore_trip("a", why="was right")
    assert {r.key: r.visits for r in loaded.top("Putin").rows} == {"KAZ": 2, "TKM": 1}
    assert [c.action for c in loaded.history("a")] == ["delete", "restore"]


def test_merging_moves_stops_and_evidence_and_logs_both_trips(loaded: dt.Record) -> None:
    loaded.merge_trips("b", "c", why="one tour of Central Asia")
    merged = loaded.trip("b")
    assert [s.country for s in merged.stops] == ["TKM", "KAZ"]
    assert len(merged.evidence) == 2
    assert loaded.trip("c").deleted
    assert [c.action for c in loaded.history("c")] == ["merged-into"]


def test_reimport_keeps_a_human_edit_when_the_source_is_unchanged(
    loaded: dt.Record, tmp_path: Path
) -> None:
    loaded.edit_trip("a", {"1.kind": "official"}, why="checked")
    summary = loaded.import_file("table", write(tmp_path / "t.csv", HEADER + ROWS))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 3)
    assert loaded.trip("a").stops[0].kind.value == "official"


def test_reimport_of_a_changed_source_updates_and_logs(loaded: dt.Record, tmp_path: Path) -> None:
    changed = ROWS.replace("Ashgabat", "Ashgabat;Turkmenbashi")
    summary = loaded.import_file("table", write(tmp_path / "t.csv", HEADER + changed))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 2)
    assert loaded.trip("b").stops[0].cities == ("Ashgabat", "Turkmenbashi")
    assert [c.action for c in loaded.history("b")] == ["update"]


def test_the_change_log_is_append_only_per_import(loaded: dt.Record, tmp_path: Path) -> None:
    with loaded.db.reading() as conn:
        before = conn.execute(sa.text("SELECT count(*) FROM changes")).scalar()
    loaded.import_file("table", write(tmp_path / "t.csv", HEADER + ROWS))
    with loaded.db.reading() as conn:
        after = conn.execute(sa.text("SELECT count(*) FROM changes")).scalar()
    assert after == before
