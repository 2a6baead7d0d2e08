"""Who is writing: the API token sent as ``Authorization: Bearer SECRET``.

Every write route depends on :data:`Writer`, which gives the token's name (what the change
log records as ``who``) or answers 401 with a ``WWW-Authenticate`` challenge. Tokens are made
with ``diplotrack token create NAME`` (diplotrack.store.tokens).
"""

from __future__ import annotations

import time
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import Scope

from diplotrack.record import Record
from diplotrack.store import tokens

REALM = 'Bearer realm="diplotrack"'
NAME_TTL = 10.0  # seconds a token's name is remembered for keying the rate limit

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token made by `diplotrack token create NAME`; writes need one.",
)


def writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The name of the token behind this request, or 401."""
    if credentials is None:
        raise HTTPException(
            401,
            "this route writes to the record: send Authorization: Bearer <token> "
            "(make one with diplotrack token create NAME)",
            headers={"WWW-Authenticate": REALM},
        )
    record: Record = request.app.state.record
    with record.db.reading() as conn:
        name = tokens.holder(conn, credentials.credentials)
    if name is None:
        raise HTTPException(
            401,
            "the token is unknown or revoked",
            headers={"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
        )
    return name


Writer = Annotated[str, Depends(writer)]


class ClientKeys:
    """The rate limit's key for a request: ``token:NAME`` for a valid token, else
    ``ip:ADDRESS``. Token names are remembered for a few seconds, so that the limit costs
    no query per request."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self._names: dict[str, tuple[str | None, float]] = {}

    async def __call__(self, scope: Scope) -> str:
        secret = _bearer_secret(scope)
        if secret is not None:
            name = await self._name(secret)
            if name is not None:
                return f"token:{name}"
        client = scope.get("client")
        return f"ip:{client[0] if client else 'unknown'}"

    async def _name(self, secret: str) -> str | None:
        digest = tokens.digest(secret)
        now = time.monotonic()
        known = self._names.get(digest)
        if known is not None and known[1] > now:
            return known[0]
        name = await anyio.to_thread.run_sync(self._lookup, secret)
        if len(self._names) > 1000:
            self._names.clear()
        self._names[digest] = (name, now + NAME_TTL)
        return name

    def _lookup(self, secret: str) -> str | None:
        with self.record.db.reading() as conn:
            return tokens.holder(conn, secret)


def _bearer_secret(scope: Scope) -> str | None:
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, value in headers:
        if name == b"authorization":
            scheme, _, secret = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and secret.strip():
                return secret.strip()
    return None
