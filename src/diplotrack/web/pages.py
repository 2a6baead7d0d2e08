"""Page routes, mounted on the API app by ``mount``.

Pages are rendered on the server from the same JSON the API returns (the library's
``to_dict``), so they work with scripts off and read well in a screen reader; small scripts in
web/static draw the map and charts from that JSON, offer downloads, and call the API for the
search box, the claim checker and the review queue. Nothing is loaded from another host.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from diplotrack.errors import Ambiguous, DiplotrackError, NotFound
from diplotrack.record import Record
from diplotrack.web.check import MAX_UPLOAD, check_context, read_upload
from diplotrack.web.country import country_context, pair_context
from diplotrack.web.demo import PUBLISHED, demo_text
from diplotrack.web.leader import leader_context
from diplotrack.web.render import error, page
from diplotrack.web.search import leaders_with_trips, search
from diplotrack.web.trip import trip_context

DateParam = Annotated[str | None, Query(description="YYYY-MM-DD (empty for none).")]


def mount(app: FastAPI) -> None:
    """Add the page routes and the static assets to ``app``."""
    static = resources.files("diplotrack.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for register in (_home, _leader, _country, _pair, _check, _review, _trip):
        register(app)


def _rec(request: Request) -> Record:
    record: Record = request.app.state.record
    return record


def _blank(value: str | None) -> str | None:
    """Form fields left empty arrive as ""; they mean "not given"."""
    return value.strip() or None if value is not None else None


def _failed(request: Request, exc: DiplotrackError, what: str) -> HTMLResponse:
    if isinstance(exc, Ambiguous):
        return error(
            request, 409, f"Which {what}?", str(exc), candidates=_labelled(request, exc, what)
        )
    status = 404 if isinstance(exc, NotFound) else 400
    title = f"No such {what}" if status == 404 else "That request could not be answered"
    return error(request, status, title, str(exc))


def _labelled(request: Request, exc: Ambiguous, what: str) -> list[tuple[str, str]]:
    """The candidates as (path, label): leaders by name and country."""
    index = _rec(request).names().index
    if what != "leader":
        return [(f"/{what}/{c}", c) for c in exc.candidates]
    return [
        (f"/leader/{c}", f"{index.display.get(c, c)} ({index.countries.get(c) or '?'})")
        for c in exc.candidates
    ]


def _home(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def home(request: Request, q: str = "") -> HTMLResponse:
        rec = _rec(request)
        found = search(rec, q) if q.strip() else None
        return page(request, "index.html", q=q, found=found, browse=leaders_with_trips(rec))


def _leader(app: FastAPI) -> None:
    @app.get("/leader/{leader}", include_in_schema=False, response_model=None)
    def leader(
        request: Request,
        leader: str,
        since: DateParam = None,
        until: DateParam = None,
        at: DateParam = None,
    ) -> Response:
        rec = _rec(request)
        try:
            context = leader_context(rec, leader, _blank(since), _blank(until), _blank(at))
        except DiplotrackError as exc:
            return _failed(request, exc, "leader")
        if context["leader"]["id"] != leader:
            url = request.url.replace(path=f"/leader/{context['leader']['id']}")
            return RedirectResponse(str(url), status_code=302)
        return page(request, "leader.html", **context)


def _country(app: FastAPI) -> None:
    @app.get("/country/{code}", include_in_schema=False, response_model=None)
    def country(
        request: Request,
        code: str,
        since: DateParam = None,
        until: DateParam = None,
        group: str | None = None,
        everyone: Annotated[bool, Query(alias="all")] = False,
    ) -> Response:
        rec = _rec(request)
        window = (_blank(since), _blank(until))
        try:
            context = country_context(rec, code, *window, _blank(group), everyone)
        except DiplotrackError as exc:
            return _failed(request, exc, "country")
        if context["country"]["code"] != code:
            url = request.url.replace(path=f"/country/{context['country']['code']}")
            return RedirectResponse(str(url), status_code=302)
        return page(request, "country.html", **context)


def _pair(app: FastAPI) -> None:
    @app.get("/pair", include_in_schema=False, response_model=None)
    def pair_form(request: Request, a: str = "", b: str = "") -> Response:
        rec = _rec(request)
        if not (a.strip() and b.strip()):
            return page(request, "pair_form.html", a=a, b=b, problem=None)
        try:
            first, second = rec.country(a), rec.country(b)
        except DiplotrackError as exc:
            return page(request, "pair_form.html", 404, a=a, b=b, problem=str(exc))
        return RedirectResponse(f"/pair/{first.iso3}/{second.iso3}", status_code=302)

    @app.get("/pair/{a}/{b}", include_in_schema=False, response_model=None)
    def pair(
        request: Request, a: str, b: str, since: DateParam = None, until: DateParam = None
    ) -> Response:
        rec = _rec(request)
        try:
            context = pair_context(rec, a, b, _blank(since), _blank(until))
        except DiplotrackError as exc:
            return _failed(request, exc, "country")
        return page(request, "pair.html", **context)


def _check(app: FastAPI) -> None:
    def show(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        """The checker page; ``context`` holds text, published, result and problem."""
        sample = {"text": demo_text("article.txt"), "published": PUBLISHED}
        base = {"text": "", "published": "", "result": None, "problem": None}
        return page(request, "check.html", status, sample=sample, **(base | context))

    @app.get("/check", include_in_schema=False)
    def check_page(request: Request) -> HTMLResponse:
        return show(request)

    @app.post("/check", include_in_schema=False)
    async def check_form(
        request: Request,
        text: Annotated[str, Form()] = "",
        published: Annotated[str, Form()] = "",
        upload: Annotated[UploadFile | None, File()] = None,
    ) -> HTMLResponse:
        fields: dict[str, Any] = {"text": text, "published": published}
        try:
            if upload is not None and upload.filename:
                text = read_upload(await upload.read(MAX_UPLOAD + 1), upload.filename) or text
                fields["text"] = text
            result = check_context(_rec(request), text, _blank(published))
        except DiplotrackError as exc:
            return show(request, 400, problem=str(exc), **fields)
        return show(request, result=result, **fields)


def _review(app: FastAPI) -> None:
    @app.get("/review", include_in_schema=False)
    def review(request: Request) -> HTMLResponse:
        return page(request, "review.html")


def _trip(app: FastAPI) -> None:
    @app.get("/trip/{trip_id}", include_in_schema=False)
    def trip(request: Request, trip_id: str) -> HTMLResponse:
        try:
            context = trip_context(_rec(request), trip_id)
        except DiplotrackError as exc:
            return _failed(request, exc, "trip")
        return page(request, "trip.html", **context)
