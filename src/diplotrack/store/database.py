"""Engine, connections and transactions: one code path for SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from diplotrack.errors import InputError
from diplotrack.settings import database_url
from diplotrack.store import migrations, schema
from diplotrack.timeutil import now_iso


class Database:
    """A diplotrack database: SQLite by default, PostgreSQL by URL."""

    def __init__(self, path_or_url: str) -> None:
        self.url = database_url(path_or_url)
        self.engine = _engine(self.url)
        self.dialect = self.engine.dialect.name
        try:
            with self.engine.begin() as conn:
                self.upgraded_from = migrations.migrate(conn)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise InputError(f"{_shown(self.url)}: cannot open the database ({reason})") from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection whose work is committed at the end, or rolled back on any error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def analyze(self) -> None:
        """Refresh the planner's statistics after a bulk write (PostgreSQL plans joins on
        them; without them it scans whole tables). SQLite needs nothing."""
        if self.dialect != "postgresql":
            return
        with self.engine.begin() as conn:
            conn.execute(text("ANALYZE trips, stops, evidence, leaders, aliases, tenures"))

    def close(self) -> None:
        self.engine.dispose()


def _shown(url: str) -> str:
    """The URL without a password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        kwargs: dict[str, Any] = {}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def log_change(
    conn: Connection,
    *,
    who: str,
    action: str,
    entity: str,
    entity_id: str,
    data: dict[str, object],
    why: str | None = None,
) -> None:
    """Append one entry to the change log; entries are never updated or deleted."""
    conn.execute(
        schema.changes.insert().values(
            at=now_iso(),
            who=who,
            action=action,
            entity=entity,
            entity_id=entity_id,
            data=json.dumps(data, sort_keys=True, ensure_ascii=False),
            why=why,
        )
    )
