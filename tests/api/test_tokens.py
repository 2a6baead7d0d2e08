"""API tokens: the secret is shown once and only its digest kept; revoked tokens stop
working; the command line makes, lists and revokes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import diplotrack as dt
from diplotrack.cli import app as cli
from diplotrack.errors import InputError, NotFound
from diplotrack.store import schema, tokens


def test_only_the_digest_of_the_secret_is_stored(rec: dt.Record) -> None:
    with rec.db.transaction() as conn:
        secret = tokens.create(conn, "alice", who="tester")
    with rec.db.reading() as conn:
        stored = conn.execute(select(schema.tokens)).one()
    assert secret.startswith("dt_") and len(secret) > 40
    assert secret not in stored._mapping.values()
    assert stored.digest == tokens.digest(secret)


def test_a_secret_names_its_token_until_revoked(rec: dt.Record) -> None:
    with rec.db.transaction() as conn:
        secret = tokens.create(conn, "alice", who="tester")
        assert tokens.holder(conn, secret) == "alice"
        assert tokens.holder(conn, secret + "x") is None
        tokens.revoke(conn, "alice", who="tester")
        assert tokens.holder(conn, secret) is None


def test_a_name_is_taken_until_its_token_is_revoked(rec: dt.Record) -> None:
    with rec.db.transaction() as conn:
        tokens.create(conn, "alice", who="tester")
        with pytest.raises(InputError, match="exists"):
            tokens.create(conn, "alice", who="tester")
        tokens.revoke(conn, "alice", who="tester")
        tokens.create(conn, "alice", who="tester")
        assert sorted(t.active for t in tokens.all_tokens(conn)) == [False, True]


@pytest.mark.parametrize("name", ["", "two words", "-dash", "x" * 65, "a/b"])
def test_a_bad_token_name_is_refused(rec: dt.Record, name: str) -> None:
    with rec.db.transaction() as conn, pytest.raises(InputError, match="token name"):
        tokens.create(conn, name, who="tester")


def test_revoking_an_unknown_token_is_not_found(rec: dt.Record) -> None:
    with rec.db.transaction() as conn, pytest.raises(NotFound):
        tokens.revoke(conn, "nobody", who="tester")


def test_making_and_revoking_tokens_is_logged(rec: dt.Record) -> None:
    with rec.db.transaction() as conn:
        tokens.create(conn, "alice", who="tester")
        tokens.revoke(conn, "alice", who="tester")
    with rec.db.reading() as conn:
        from diplotrack.store.edits import history

        assert [(c.who, c.action) for c in history(conn, "token", "alice")] == [
            ("tester", "create"),
            ("tester", "revoke"),
        ]


def _run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_command_line_makes_lists_and_revokes_tokens(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    code, out, err = _run(db, "token", "create", "alice")
    secret = out.strip()
    assert code == 0 and secret.startswith("dt_") and "shown only now" in err
    code, out, _ = _run(db, "token", "create", "bob", "--format", "json")
    assert json.loads(out)["name"] == "bob"
    assert _run(db, "token", "revoke", "alice")[0] == 0
    listed = json.loads(_run(db, "token", "list", "--format", "json")[1])["tokens"]
    assert sorted((t["name"], t["active"]) for t in listed) == [("alice", False), ("bob", True)]
    assert all("secret" not in t and "digest" not in t for t in listed)
    with dt.open(db) as rec, rec.db.reading() as conn:
        assert tokens.holder(conn, secret) is None


def test_the_command_line_reports_token_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "r.sqlite")
    code, _, err = _run(db, "token", "revoke", "nobody")
    assert code == 1 and "no active token" in err
    _run(db, "token", "create", "alice")
    code, _, err = _run(db, "token", "create", "alice")
    assert code == 1 and "revoke it first" in err
