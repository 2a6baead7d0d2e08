"""The review queue of trips read from the news, and extraction itself.

Reads are open. Decisions (accept, reject, edit) need a token (``Authorization: Bearer …``;
the change log names it) and ``If-Match`` with the ETag a read gave (``"CANDIDATEID.vN"``,
the scheme trips use): without it the answer is 428; if the candidate changed since, 412
with its current version, so two reviewers never silently overwrite each other.
``If-Match: *`` decides on whatever version is current (still atomically).

``POST /api/extract`` reads one text and answers what ``diplotrack extract --format json``
prints; it writes nothing and needs no token.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from diplotrack.analysis.results import trip_dict
from diplotrack.api.auth import Writer
from diplotrack.api.errors import Refused
from diplotrack.api.params import Rec
from diplotrack.errors import Conflict
from diplotrack.news.candidates import Candidate
from diplotrack.record import Record

router = APIRouter(prefix="/api", tags=["review"])

MAX_TEXT = 1_000_000
CandidateId = Annotated[str, Path(description="A candidate id, as /api/review lists them.")]
IfMatch = Annotated[
    str | None,
    Header(description="The ETag of the version this decision was made on (from GET)."),
]
IfNoneMatch = Annotated[str | None, Header(description="An ETag already held: 304 if current.")]

_ETAG = {
    "ETag": {"description": 'The candidate\'s version: "ID.vN".', "schema": {"type": "string"}}
}
READ: dict[int | str, dict[str, Any]] = {
    200: {"description": "The candidate, with every sentence behind it.", "headers": _ETAG},
    404: {"description": "No such candidate."},
}
WRITE: dict[int | str, dict[str, Any]] = READ | {
    400: {"description": "A value the queue or the record cannot take, or a decided item."},
    401: {"description": "No token, or an unknown or revoked one."},
    412: {"description": "The candidate changed since that ETag: the body gives its version."},
    428: {"description": "If-Match is missing."},
}
Why = Field(default=None, max_length=2000, description="For the change log.")


class Decision(BaseModel):
    """The reason for a decision (optional; it goes to the change log)."""

    model_config = ConfigDict(extra="forbid")

    why: str | None = Why


class CandidateEdit(BaseModel):
    """The fields to change; a field given as null is cleared. An edited field's conflict
    counts as settled."""

    model_config = ConfigDict(extra="forbid")

    visitor_name: str | None = Field(
        default=None, max_length=200, description="A known leader (any name or alias)."
    )
    visitor: str | None = Field(default=None, max_length=200, description="Same as visitor_name.")
    host_country: str | None = Field(default=None, max_length=200, examples=["Kazakhstan"])
    cities: list[str] | str | None = Field(
        default=None, description="A list, or one string separated by ';'.", examples=[["Astana"]]
    )
    start_date: str | None = Field(default=None, max_length=10, examples=["2024-11-27"])
    end_date: str | None = Field(default=None, max_length=10)
    status: Literal["occurred", "planned", "cancelled"] | None = None
    kind: (
        Literal["state", "official", "working", "summit", "private", "transit", "unknown"] | None
    ) = None
    occasion: str | None = Field(default=None, max_length=500)
    ordinal: int | None = Field(default=None, ge=1)
    why: str | None = Why

    def changes(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in sorted(self.model_fields_set) if k != "why"}


class ExtractIn(BaseModel):
    """One article's text (plain or HTML)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        max_length=MAX_TEXT,
        description="The article: plain text or HTML (its main text is taken out first).",
        examples=["Russian President Vladimir Putin arrived in Astana on Wednesday."],
    )
    published: str | None = Field(
        default=None,
        description="Publication date, YYYY-MM-DD; relative dates are read from it "
        "(default today).",
        examples=["2024-11-27"],
    )
    language: Literal["en", "ru", "auto"] = "auto"
    url: str | None = Field(default=None, max_length=2000, description="Kept as evidence.")


def etag(candidate: Candidate) -> str:
    return f'"{candidate.id}.v{candidate.version}"'


def _answer(candidate: Candidate, body: dict[str, Any] | None = None) -> JSONResponse:
    return JSONResponse(body or candidate.to_dict(), headers={"ETag": etag(candidate)})


def _tag_version(tag: str, candidate_id: str) -> int | None:
    head, sep, version = tag.removeprefix("W/").strip('"').rpartition(".v")
    return int(version) if sep and head == candidate_id and version.isdigit() else None


def _stale(candidate: Candidate, detail: str | None = None) -> Refused:
    return Refused(
        412,
        detail
        or f"candidate {candidate.id} is at version {candidate.version}: read it again "
        "and decide again",
        {"ETag": etag(candidate)},
        candidate=candidate.id,
        version=candidate.version,
        etag=etag(candidate),
    )


def _wanted(rec: Record, candidate_id: str, if_match: str | None) -> int | None:
    """The version an If-Match names (None for ``*``), or 428/412."""
    found = rec.review_show(candidate_id)
    if if_match is None:
        raise Refused(
            428,
            "this decision needs If-Match with the candidate's ETag (from GET "
            "/api/review/ID), so that it cannot overwrite someone else's",
            candidate=candidate_id,
            version=found.version,
            etag=etag(found),
        )
    tags = [t.strip() for t in if_match.split(",") if t.strip()]
    if "*" in tags:
        return None
    if found.version not in {_tag_version(t, candidate_id) for t in tags}:
        raise _stale(found)
    return found.version


@contextmanager
def _atomic(rec: Record, candidate_id: str) -> Iterator[None]:
    """A Conflict (someone else's decision won the race) becomes 412."""
    try:
        yield
    except Conflict as exc:
        raise _stale(rec.review_show(candidate_id), str(exc)) from None


@router.get("/review", summary="The review queue")
def review_list(
    rec: Rec,
    state: Annotated[
        Literal["pending", "accepted", "rejected", "all"],
        Query(title="State", description="Which candidates."),
    ] = "pending",
    limit: Annotated[int, Query(ge=1, le=500, title="Limit")] = 50,
    offset: Annotated[int, Query(ge=0, title="Offset")] = 0,
    leader: Annotated[str | None, Query(title="Leader", description="Only this visitor.")] = None,
    country: Annotated[
        str | None, Query(title="Country", description="Only trips to this country.")
    ] = None,
    status: Annotated[
        Literal["occurred", "planned", "cancelled"] | None, Query(title="Status")
    ] = None,
    conflicted: Annotated[
        bool, Query(title="Conflicted", description="Only those whose articles disagree.")
    ] = False,
) -> dict[str, Any]:
    """Trips read from the news, newest first, each with the sentences behind it and the
    fields its articles disagree on (`conflicts`)."""
    page = rec.review_list(
        None if state == "all" else state,
        limit=limit,
        offset=offset,
        leader=leader,
        country=country,
        status=status,
        conflicted=conflicted,
    )
    return page.to_dict()


@router.get(
    "/review/{candidate_id}",
    summary="One candidate, with its ETag",
    response_model=None,
    responses=READ | {304: {"description": "Unchanged since that ETag."}},
)
def review_show(rec: Rec, candidate_id: CandidateId, if_none_match: IfNoneMatch = None) -> Response:
    """The ETag goes with decisions as If-Match."""
    found = rec.review_show(candidate_id)
    if if_none_match is not None and etag(found) in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": etag(found)})
    return _answer(found)


@router.post(
    "/review/{candidate_id}/accept",
    summary="Accept a candidate into the record",
    response_model=None,
    responses=WRITE,
)
def review_accept(
    rec: Rec, who: Writer, candidate_id: CandidateId, body: Decision, if_match: IfMatch = None
) -> JSONResponse:
    """A new trip (source `news`, every sentence as evidence), or the sentences added to
    the record trip it matches. Answers `{"candidate", "trip"}`."""
    version = _wanted(rec, candidate_id, if_match)
    with _atomic(rec, candidate_id):
        found, trip = rec.review_accept(candidate_id, why=body.why, version=version, who=who)
    tenures = rec.tenures(trip.leader_id)
    data = {
        "candidate": found.to_dict(),
        "trip": trip_dict(trip, tenures, rec.settings.disputed_policy),
    }
    return _answer(found, data)


@router.post(
    "/review/{candidate_id}/reject",
    summary="Reject a candidate",
    response_model=None,
    responses=WRITE,
)
def review_reject(
    rec: Rec, who: Writer, candidate_id: CandidateId, body: Decision, if_match: IfMatch = None
) -> JSONResponse:
    """It stays in the queue, marked rejected, and never counts. Answers
    `{"candidate", "trip": null}`."""
    version = _wanted(rec, candidate_id, if_match)
    with _atomic(rec, candidate_id):
        found = rec.review_reject(candidate_id, why=body.why, version=version, who=who)
    return _answer(found, {"candidate": found.to_dict(), "trip": None})


@router.patch(
    "/review/{candidate_id}",
    summary="Correct a candidate's fields",
    response_model=None,
    responses=WRITE,
)
def review_edit(
    rec: Rec, who: Writer, candidate_id: CandidateId, body: CandidateEdit, if_match: IfMatch = None
) -> JSONResponse:
    """As `diplotrack review edit`: the old values go to the change log."""
    version = _wanted(rec, candidate_id, if_match)
    with _atomic(rec, candidate_id):
        found = rec.review_edit(
            candidate_id, body.changes(), why=body.why, version=version, who=who
        )
    return _answer(found)


@router.get("/review/{candidate_id}/history", summary="A candidate's decisions", responses=READ)
def review_history(rec: Rec, candidate_id: CandidateId) -> dict[str, Any]:
    """Every decision, oldest first: who (a person or a token's name), when, what, why."""
    changes = [c.to_dict() for c in rec.review_history(candidate_id)]
    return {"candidate": candidate_id, "changes": changes}


@router.post("/extract", summary="Trips reported in a text", tags=["news"])
def extract(rec: Rec, body: ExtractIn) -> dict[str, Any]:
    """As `diplotrack extract --format json`: every trip of a head of state or government
    the text reports, with the sentences that say so. Nothing is written."""
    trips = rec.extract(body.text, body.published, body.language, body.url)
    return {"trips": [t.to_dict() for t in trips]}
