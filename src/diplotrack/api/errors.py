"""How library errors become HTTP answers, and the refusals routes raise themselves.

- NotFound: 404; Ambiguous: 409 with ``candidates``; a trip entered twice: 409 with
  ``trip_id``; any other DiplotrackError (bad dates, places, values): 400.
- :class:`Refused`: a status, a JSON body and headers chosen by the route (412, 428…).
- The database too busy to answer (SQLite's lock held past its timeout, a PostgreSQL
  deadlock or lock timeout): 503 with ``Retry-After``; nothing was written.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from diplotrack.errors import Ambiguous, DiplotrackError, NotFound
from diplotrack.store.edits import TripExists


class Refused(Exception):
    """A request the route turns down with this status, body and headers."""

    def __init__(
        self, status: int, detail: str, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.body: dict[str, Any] = {"detail": detail, **extra}
        self.headers = headers or {}


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(DiplotrackError)
    def _library(_request: Request, exc: DiplotrackError) -> JSONResponse:
        body: dict[str, Any] = {"detail": str(exc)}
        if isinstance(exc, NotFound):
            return JSONResponse(status_code=404, content=body)
        if isinstance(exc, Ambiguous):
            return JSONResponse(status_code=409, content=body | {"candidates": exc.candidates})
        if isinstance(exc, TripExists):
            location = {"Location": f"/api/trips/{exc.trip_id}"}
            content = body | {"trip_id": exc.trip_id}
            return JSONResponse(status_code=409, content=content, headers=location)
        return JSONResponse(status_code=400, content=body)

    @app.exception_handler(OperationalError)
    def _busy(_request: Request, exc: OperationalError) -> JSONResponse:
        if not busy(exc):
            raise exc
        detail = "the database is busy with other writes; nothing was written: try again"
        return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(Refused)
    def _refused(_request: Request, exc: Refused) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content=exc.body, headers=exc.headers)


BUSY = ("database is locked", "deadlock detected", "lock timeout", "could not serialize")


def busy(exc: OperationalError) -> bool:
    """Whether the error says the database was busy, not broken."""
    return any(words in str(exc.orig).lower() for words in BUSY)
