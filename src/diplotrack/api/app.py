"""The FastAPI application over one record: routers per resource under ``/api/``, the
OpenAPI reference at ``/docs`` (offline), the request limits, and the web pages.

Routes mirror the commands and return the same JSON (docs/counting.md for the
conventions). Writes need an API token (``diplotrack token create NAME``).
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from fastapi import APIRouter, FastAPI

from diplotrack import __version__
from diplotrack.api import claims, counts, docs, errors, exports, people, places, search, trips
from diplotrack.api.auth import ClientKeys
from diplotrack.api.limits import BodyLimit, RateLimit, RateLimiter
from diplotrack.api.params import Rec
from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.web import pages

ROUTERS = (
    counts.router,
    trips.router,
    people.router,
    places.router,
    search.router,
    claims.router,
    exports.router,
)
# Routers that other parts of the package add, included when present.
OPTIONAL_ROUTERS = ("diplotrack.api.review",)

service = APIRouter(prefix="/api", tags=["service"])


@service.get("/health", summary="Liveness and the record's backend")
def health(rec: Rec) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "database": rec.db.dialect}


def create_app(settings: Settings | None = None) -> FastAPI:
    """An app serving the record named by ``settings`` (default: the environment)."""
    chosen = settings or Settings.from_env()
    app = FastAPI(
        title="diplotrack",
        version=__version__,
        description="An auditable, sourced record of leaders' travels. Counting "
        "conventions: docs/counting.md. Writes need `Authorization: Bearer <token>` "
        "(`diplotrack token create NAME`) and, on an existing trip, `If-Match` with its "
        "ETag.",
        docs_url=None,
        redoc_url=None,
    )
    record = Record(settings=chosen)
    app.state.record = record
    app.state.settings = chosen
    errors.install(app)
    for router in (*ROUTERS, service, *_optional_routers()):
        app.include_router(router)
    docs.mount(app)
    pages.mount(app)
    _limit(app, chosen, record)
    return app


def _limit(app: FastAPI, settings: Settings, record: Record) -> None:
    """Body size inside, rate outside (the last middleware added runs first)."""
    app.add_middleware(BodyLimit, limit=settings.max_body)
    limiter = RateLimiter(settings.rate_limit, settings.rate_burst)
    app.state.limiter = limiter
    app.add_middleware(RateLimit, limiter=limiter, client_of=ClientKeys(record))


def _optional_routers() -> list[APIRouter]:
    found = []
    for name in OPTIONAL_ROUTERS:
        if importlib.util.find_spec(name) is not None:
            router = importlib.import_module(name).router
            assert isinstance(router, APIRouter)
            found.append(router)
    return found
