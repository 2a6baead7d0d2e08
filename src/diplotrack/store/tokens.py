"""API tokens: a named secret that lets its holder write through the HTTP API.

The secret is shown once, when the token is made; the store keeps only its SHA-256 digest.
A token's name is what the change log records as ``who`` for every write made with it.
Tokens are revoked, never deleted, so the log's names stay explained.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, select

from diplotrack.errors import InputError, NotFound
from diplotrack.store import schema
from diplotrack.store.database import log_change
from diplotrack.timeutil import now_iso

PREFIX = "dt_"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as listed: never its secret."""

    id: str
    name: str
    created_at: str
    revoked_at: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
            "active": self.active,
        }


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create(conn: Connection, name: str, *, who: str) -> str:
    """Make a token called ``name`` and return its secret (the only time it is seen)."""
    if not NAME.match(name):
        raise InputError(
            f"token name {name!r}: use 1-64 letters, digits and . _ @ - (starting with a "
            "letter or digit)"
        )
    if _active_ids(conn, name):
        raise InputError(f"a token named {name!r} exists; revoke it first")
    secret = PREFIX + secrets.token_urlsafe(32)
    token_id = uuid.uuid4().hex
    conn.execute(
        schema.tokens.insert().values(
            id=token_id, name=name, digest=digest(secret), created_at=now_iso(), revoked_at=None
        )
    )
    log_change(conn, who=who, action="create", entity="token", entity_id=name, data={})
    return secret


def all_tokens(conn: Connection) -> list[TokenInfo]:
    """Every token, active or revoked, oldest first."""
    table = schema.tokens
    rows = conn.execute(select(table).order_by(table.c.created_at, table.c.name, table.c.id))
    return [TokenInfo(r.id, r.name, r.created_at, r.revoked_at) for r in rows]


def revoke(conn: Connection, name: str, *, who: str) -> int:
    """Revoke the active token called ``name``; its secret stops working at once."""
    ids = _active_ids(conn, name)
    if not ids:
        raise NotFound(f"no active token named {name!r}")
    conn.execute(
        schema.tokens.update().where(schema.tokens.c.id.in_(ids)).values(revoked_at=now_iso())
    )
    log_change(conn, who=who, action="revoke", entity="token", entity_id=name, data={})
    return len(ids)


def holder(conn: Connection, secret: str) -> str | None:
    """The name of the active token whose secret this is, or None."""
    table = schema.tokens
    row = conn.execute(
        select(table.c.name).where(table.c.digest == digest(secret), table.c.revoked_at.is_(None))
    ).first()
    return None if row is None else str(row.name)


def _active_ids(conn: Connection, name: str) -> list[str]:
    table = schema.tokens
    query = select(table.c.id).where(table.c.name == name, table.c.revoked_at.is_(None))
    return list(conn.scalars(query))
