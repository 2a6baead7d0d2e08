"""The FastAPI application over one record. Routes mirror the commands and return the same
JSON (docs/counting.md for the conventions)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from diplotrack import __version__
from diplotrack.analysis.results import leader_dict
from diplotrack.errors import Ambiguous, DiplotrackError, InputError, NotFound
from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.web import pages

MAX_TEXT = 1_000_000

Since = Annotated[
    str | None,
    Query(title="Since", description="Trips starting on or after this date (YYYY-MM-DD)."),
]
Until = Annotated[
    str | None,
    Query(title="Until", description="Trips starting on or before this date (YYYY-MM-DD)."),
]
Explain = Annotated[bool, Query(title="Explain", description="List the trips behind each count.")]


class CheckRequest(BaseModel):
    text: str = Field(
        description="The article text (English or Russian).",
        max_length=MAX_TEXT,
        examples=["Putin arrived in Astana for his 35th visit to Kazakhstan."],
    )
    published: str | None = Field(
        default=None,
        description="Publication date, YYYY-MM-DD; figures are judged as of then (default today).",
        examples=["2024-11-27"],
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """An app serving the record named by ``settings`` (default: the environment)."""
    chosen = settings or Settings.from_env()
    app = FastAPI(
        title="diplotrack",
        version=__version__,
        description="An auditable, sourced record of leaders' travels. Counting "
        "conventions: docs/counting.md.",
    )
    app.state.record = Record(settings=chosen)

    @app.exception_handler(DiplotrackError)
    def _error(_request: Request, exc: DiplotrackError) -> JSONResponse:
        status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Ambiguous) else 400
        body: dict[str, Any] = {"detail": str(exc)}
        if isinstance(exc, Ambiguous):
            body["candidates"] = exc.candidates
        return JSONResponse(status_code=status, content=body)

    _routes(app)
    pages.mount(app)
    return app


def _record(request: Request) -> Iterator[Record]:
    record: Record = request.app.state.record
    yield record


Rec = Annotated[Record, Depends(_record)]


def _routes(app: FastAPI) -> None:
    @app.get("/api/top", summary="Destinations ranked, split by office", tags=["counts"])
    def top(
        rec: Rec,
        leader: Annotated[str, Query(description="Name, alias, id or external id.")],
        since: Since = None,
        until: Until = None,
        to: Annotated[str | None, Query(description="A country, group:X or region:X.")] = None,
        office: Annotated[str | None, Query(description="Only this title.")] = None,
        count: Annotated[
            str, Query(pattern="^(visits|stops|days)$", description="visits, stops or days.")
        ] = "visits",
        limit: Annotated[int | None, Query(ge=1, description="First N countries.")] = None,
        explain: Explain = False,
    ) -> dict[str, Any]:
        return rec.top(
            leader, to=to, since=since, until=until, office=office, count=count, limit=limit
        ).to_dict(explain)

    @app.get("/api/trips", summary="Visits numbered per country, with sources", tags=["counts"])
    def trips(
        rec: Rec,
        leader: Annotated[str, Query(description="Name, alias, id or external id.")],
        to: Annotated[str | None, Query(description="A country, group:X or region:X.")] = None,
        since: Since = None,
        until: Until = None,
        status: Annotated[str | None, Query(description="occurred, planned or cancelled.")] = None,
    ) -> dict[str, Any]:
        return rec.trips(leader, to=to, since=since, until=until, status=status).to_dict()

    @app.get("/api/visitors", summary="Which leaders came to a country, how often", tags=["counts"])
    def visitors(
        rec: Rec,
        country: Annotated[str, Query(description="A country, group:X or region:X.")],
        since: Since = None,
        until: Until = None,
        all_roles: Annotated[bool, Query(description="Include ministers and others.")] = False,
        explain: Explain = False,
    ) -> dict[str, Any]:
        return rec.visitors(country, since=since, until=until, all_roles=all_roles).to_dict(explain)

    @app.get(
        "/api/pair", summary="Visits each way between two countries, per year", tags=["counts"]
    )
    def pair(
        rec: Rec,
        a: Annotated[str, Query(description="First country.")],
        b: Annotated[str, Query(description="Second country.")],
        since: Since = None,
        until: Until = None,
        explain: Explain = False,
    ) -> dict[str, Any]:
        return rec.pair(a, b, since=since, until=until).to_dict(explain)

    @app.get("/api/leaders/{leader}", summary="A leader's names, ids and tenures", tags=["people"])
    def leader(rec: Rec, leader: str) -> dict[str, Any]:
        found = rec.leader(leader)
        return leader_dict(found, rec.tenures(found.id))

    @app.post("/api/check", summary="Check the visit figures in a text", tags=["claims"])
    def check(rec: Rec, body: CheckRequest) -> dict[str, Any]:
        if not body.text.strip():
            raise InputError("the text is empty")
        return rec.check(body.text, body.published).to_dict()

    @app.get("/api/health", summary="Liveness and the record's schema", tags=["service"])
    def health(rec: Rec) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "database": rec.db.dialect}
