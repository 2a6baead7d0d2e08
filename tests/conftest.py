"""Fixtures: every record-level test runs on SQLite and on PostgreSQL.

PostgreSQL is reached through ``DIPLOTRACK_TEST_PG`` (default: the local server on
127.0.0.1:5432, database ``test``); each test gets its own schema, dropped afterwards. Set
``DIPLOTRACK_TEST_PG=`` (empty) to skip the PostgreSQL half on a machine without a server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import diplotrack as dt

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "history-state"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PG_DEFAULT = "postgresql://127.0.0.1:5432/test"
BACKENDS = ["sqlite", "postgresql"]


def pg_base() -> str | None:
    value = os.environ.get("DIPLOTRACK_TEST_PG", PG_DEFAULT)
    return value or None


def _pg_engine(base: str) -> sa.Engine:
    return sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[sa.Engine | None]:
    base = pg_base()
    if base is None:
        yield None
        return
    engine = _pg_engine(base)
    yield engine
    engine.dispose()


def make_url(backend: str, tmp: Path, admin: sa.Engine | None) -> tuple[str, str | None]:
    """A fresh, empty database URL for ``backend``, and the PostgreSQL schema to drop."""
    if backend == "sqlite":
        return str(tmp / f"record-{uuid.uuid4().hex[:8]}.sqlite"), None
    base = pg_base()
    if base is None or admin is None:
        pytest.skip("DIPLOTRACK_TEST_PG is empty: PostgreSQL half skipped")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def drop_schema(admin: sa.Engine | None, schema: str | None) -> None:
    if admin is not None and schema is not None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_admin: sa.Engine | None
) -> Iterator[str]:
    """An empty database on each backend."""
    url, schema = make_url(request.param, tmp_path, pg_admin)
    yield url
    drop_schema(pg_admin, schema)


@pytest.fixture
def rec(db_url: str) -> Iterator[dt.Record]:
    """An open, empty record (the bundled registry loaded) on each backend."""
    record = dt.open(db_url, user="tester")
    yield record
    record.close()


@pytest.fixture(scope="session", params=BACKENDS)
def hs_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_admin: sa.Engine | None,
) -> Iterator[str]:
    """A record holding the Office of the Historian data, imported once per backend.
    Tests that use it must not write to it."""
    url, schema = make_url(request.param, tmp_path_factory.mktemp("hs"), pg_admin)
    with dt.open(url, user="tester") as record:
        record.import_file("history-state", SHARED)
    yield url
    drop_schema(pg_admin, schema)


@pytest.fixture
def hs(hs_url: str) -> Iterator[dt.Record]:
    record = dt.open(hs_url, user="tester")
    yield record
    record.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path
