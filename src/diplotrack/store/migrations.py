"""Versioned migrations. Opening a database runs every step it has not had yet.

Each step is a function of a connection, run inside the caller's transaction; the schema
version is kept in ``meta``. Steps are never edited once released: a change is a new step.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select

from diplotrack.store import schema

Step = Callable[[Connection], None]


def _v1_core(conn: Connection) -> None:
    """Leaders, tenures, trips, stops, evidence and the change log."""
    for table in (
        schema.meta,
        schema.leaders,
        schema.aliases,
        schema.external_ids,
        schema.tenures,
        schema.trips,
        schema.stops,
        schema.evidence,
        schema.changes,
    ):
        table.create(conn, checkfirst=True)


def _v2_coverage(conn: Connection) -> None:
    """Declared coverage: which leader and period a source records completely."""
    schema.coverage.create(conn, checkfirst=True)


def _v3_news(conn: Connection) -> None:
    """Articles read, the review queue of trips extracted from them, and API tokens."""
    for table in (schema.articles, schema.candidates, schema.mentions, schema.tokens):
        table.create(conn, checkfirst=True)


STEPS: tuple[Step, ...] = (_v1_core, _v2_coverage, _v3_news)
LATEST = len(STEPS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
    ).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Bring the schema to ``target``; returns the version it started from."""
    start = current_version(conn)
    if start > LATEST:
        raise RuntimeError(
            f"the database has schema version {start}, newer than this diplotrack ({LATEST})"
        )
    for version in range(start + 1, target + 1):
        STEPS[version - 1](conn)
        _set_version(conn, version)
    return start


def _set_version(conn: Connection, version: int) -> None:
    table = schema.meta
    updated = conn.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(version))
    )
    if updated.rowcount == 0:
        conn.execute(table.insert().values(key="schema_version", value=str(version)))
