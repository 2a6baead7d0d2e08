"""One trip: read it with its ETag, enter, edit, delete, restore and merge trips, and read
its change log.

Writes need a token (``Authorization: Bearer …``) and are logged under its name. A write to
an existing trip must carry ``If-Match`` with the ETag a read gave (``"TRIPID.vN"``): without
it the answer is 428, and if the trip has changed since, 412 with its current version, so two
editors never silently overwrite each other. ``If-Match: *`` edits whatever version is
current (still atomically).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response
from fastapi.responses import JSONResponse

from diplotrack.analysis.results import trip_dict
from diplotrack.api.auth import Writer
from diplotrack.api.errors import Refused
from diplotrack.api.params import Rec
from diplotrack.api.trip_models import (
    Change,
    History,
    MergeIn,
    TripEdit,
    TripIn,
    TripOut,
    Why,
)
from diplotrack.errors import Conflict
from diplotrack.model import Trip
from diplotrack.record import Record

router = APIRouter(prefix="/api/trips", tags=["trips"])

TripId = Annotated[str, Path(description="A trip id, as /api/trips lists them.")]
IfMatch = Annotated[
    str | None,
    Header(description="The ETag of the version this write was made on (from GET)."),
]
IfNoneMatch = Annotated[str | None, Header(description="An ETag already held: 304 if current.")]

_ETAG = {"ETag": {"description": 'The trip\'s version: "TRIPID.vN".', "schema": {"type": "string"}}}
READ: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The trip, with its stops, sources and visits.",
        "headers": _ETAG,
        "model": TripOut,
    },
    404: {"description": "No such trip."},
}
WRITE: dict[int | str, dict[str, Any]] = READ | {
    400: {"description": "A value the record cannot take (unknown country, bad date…)."},
    401: {"description": "No token, or an unknown or revoked one."},
    412: {"description": "The trip changed since that ETag: the body gives its version."},
    428: {"description": "If-Match is missing."},
}


def etag(trip: Trip) -> str:
    return f'"{trip.id}.v{trip.version}"'


def _answer(rec: Record, trip: Trip, status: int = 200, **headers: str) -> JSONResponse:
    body = trip_dict(trip, rec.tenures(trip.leader_id), rec.settings.disputed_policy)
    return JSONResponse(body, status_code=status, headers={"ETag": etag(trip), **headers})


def _stale(trip: Trip, detail: str | None = None) -> Refused:
    return Refused(
        412,
        detail or f"trip {trip.id} is at version {trip.version}: read it again and redo the change",
        {"ETag": etag(trip)},
        trip=trip.id,
        version=trip.version,
        etag=etag(trip),
    )


def _tag_version(tag: str, trip_id: str) -> int | None:
    head, sep, version = tag.removeprefix("W/").strip('"').rpartition(".v")
    return int(version) if sep and head == trip_id and version.isdigit() else None


def _wanted(rec: Record, trip_id: str, if_match: str | None) -> int | None:
    """The version an If-Match names for this trip (None for ``*``), or 428/412."""
    current = rec.trip(trip_id)
    if if_match is None:
        raise Refused(
            428,
            "this write needs If-Match with the trip's ETag (from GET /api/trips/ID), so that "
            "it cannot overwrite someone else's change",
            trip=trip_id,
            version=current.version,
            etag=etag(current),
        )
    tags = [t.strip() for t in if_match.split(",") if t.strip()]
    if "*" in tags:
        return None
    if current.version not in {_tag_version(t, trip_id) for t in tags}:
        raise _stale(current)
    return current.version


@contextmanager
def _atomic(rec: Record, trip_id: str) -> Iterator[None]:
    """A Conflict (someone else's edit won the race) becomes 412."""
    try:
        yield
    except Conflict as exc:
        raise _stale(rec.trip(trip_id), str(exc)) from None


@router.post(
    "",
    summary="Enter a new trip",
    status_code=201,
    response_model=None,
    responses=WRITE
    | {
        201: {"description": "The trip, entered.", "headers": _ETAG, "model": TripOut},
        409: {"description": "The record already holds this trip."},
    },
)
def create_trip(rec: Rec, who: Writer, body: TripIn) -> JSONResponse:
    """A leader's trip with its stops; every stop needs a source (its own or the trip's).
    Logged as `create` under the token's name."""
    trip = rec.create_trip(
        body.leader,
        [stop.new() for stop in body.stops],
        status=body.status.value,
        notes=body.notes,
        source=body.source.new() if body.source else None,
        why=body.why,
        who=who,
    )
    return _answer(rec, trip, 201, Location=f"/api/trips/{trip.id}")


@router.get(
    "/{trip_id}",
    summary="A trip with its stops, sources and version",
    response_model=None,
    responses=READ | {304: {"description": "Unchanged since that ETag."}},
)
def get_trip(rec: Rec, trip_id: TripId, if_none_match: IfNoneMatch = None) -> Response:
    """Deleted trips are shown too (`deleted: true`). The ETag goes with writes as If-Match."""
    trip = rec.trip(trip_id)
    if if_none_match is not None and etag(trip) in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": etag(trip)})
    return _answer(rec, trip)


@router.patch("/{trip_id}", summary="Edit a trip's fields", response_model=None, responses=WRITE)
def edit_trip(
    rec: Rec, who: Writer, trip_id: TripId, body: TripEdit, if_match: IfMatch = None
) -> JSONResponse:
    """As `diplotrack trip edit`: the old values go to the change log."""
    version = _wanted(rec, trip_id, if_match)
    with _atomic(rec, trip_id):
        trip = rec.edit_trip(trip_id, body.changes, why=body.why, version=version, who=who)
    return _answer(rec, trip)


@router.delete("/{trip_id}", summary="Soft-delete a trip", response_model=None, responses=WRITE)
def delete_trip(
    rec: Rec,
    who: Writer,
    trip_id: TripId,
    why: Annotated[str, Query(min_length=1, max_length=2000, description="The reason.")],
    if_match: IfMatch = None,
) -> JSONResponse:
    """It stops counting but stays in the record and the log (restore undoes it)."""
    version = _wanted(rec, trip_id, if_match)
    with _atomic(rec, trip_id):
        trip = rec.delete_trip(trip_id, why=why, version=version, who=who)
    return _answer(rec, trip)


@router.post(
    "/{trip_id}/restore", summary="Undo a trip's deletion", response_model=None, responses=WRITE
)
def restore_trip(
    rec: Rec, who: Writer, trip_id: TripId, body: Why, if_match: IfMatch = None
) -> JSONResponse:
    version = _wanted(rec, trip_id, if_match)
    with _atomic(rec, trip_id):
        trip = rec.restore_trip(trip_id, why=body.why, version=version, who=who)
    return _answer(rec, trip)


@router.post(
    "/{trip_id}/merge",
    summary="Merge another trip into this one",
    response_model=None,
    responses=WRITE,
)
def merge_trip(
    rec: Rec, who: Writer, trip_id: TripId, body: MergeIn, if_match: IfMatch = None
) -> JSONResponse:
    """The other trip's stops and sources move here; the other trip is soft-deleted.
    If-Match is this trip's ETag; `other_version` may pin the other's."""
    version = _wanted(rec, trip_id, if_match)
    with _atomic(rec, trip_id):
        trip = rec.merge_trips(
            trip_id,
            body.other,
            why=body.why,
            version=version,
            other_version=body.other_version,
            who=who,
        )
    return _answer(rec, trip)


@router.get(
    "/{trip_id}/history",
    summary="A trip's change log",
    responses={404: {"description": "No such trip."}},
)
def history(rec: Rec, trip_id: TripId) -> History:
    """Every change, oldest first: who (a person or a token's name), when, what, why."""
    changes = [Change.model_validate(c.to_dict()) for c in rec.history(trip_id)]
    return History(trip=trip_id, changes=changes)
