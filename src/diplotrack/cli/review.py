"""``diplotrack review …``: the queue of trips read from the news, and the decisions on it."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from diplotrack.cli.common import FormatOpt, app, field_values, out, record
from diplotrack.news.candidates import Candidate
from diplotrack.news.review import EDITABLE
from diplotrack.output import Format, dumps, emit

review_app = typer.Typer(
    help="The review queue: trips read from the news (diplotrack ingest) wait here until a "
    "person accepts, edits or rejects them; every decision goes to the change log.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

IdArg = Annotated[str, typer.Argument(help="A candidate id, as `review list` shows it.")]
WhyOpt = Annotated[str | None, typer.Option("--why", help="The reason, written to the change log.")]
VersionOpt = Annotated[
    int | None,
    typer.Option(help="Refuse unless the candidate is at this version (no lost updates)."),
]


@review_app.command("list")
def review_list(
    ctx: typer.Context,
    state: Annotated[str, typer.Option(help="pending, accepted, rejected, or all.")] = "pending",
    leader: Annotated[str | None, typer.Option(help="Only this visitor (any name).")] = None,
    country: Annotated[str | None, typer.Option(help="Only trips to this country.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Only occurred, planned or cancelled trips.")
    ] = None,
    conflicted: Annotated[
        bool, typer.Option("--conflicted", help="Only candidates whose articles disagree.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Candidates, newest first, with how many sentences back each and where they disagree."""
    with record(ctx, warn_empty=False) as rec:
        page = rec.review_list(
            None if state == "all" else state,
            limit=limit,
            offset=offset,
            leader=leader,
            country=country,
            status=status,
            conflicted=conflicted,
        )
    rows = [_row(c) for c in page.items]
    columns = ["id", "visitor", "to", "cities", "dates", "status", "kind", "conf."]
    title = f"{page.total} candidates ({state}); {offset + 1}–{offset + len(page.items)} shown"
    emit(out, fmt, page.to_dict(), title, [*columns, "sentences", "conflicts", "trip", "v"], rows)


def _row(c: Candidate) -> list[Any]:
    return [
        c.id,
        c.leader_name or f"{c.visitor_name} (unknown)",
        c.host_country,
        list(c.cities),
        _dates(c.start_date, c.end_date),
        c.status,
        c.occasion or c.kind,
        c.confidence,
        len(c.evidence),
        c.conflicts or None,
        c.trip_id,
        c.version,
    ]


def _dates(start: str | None, end: str | None) -> str:
    return f"{start}..{end}" if start and end else start or ""


@review_app.command("show")
def review_show(ctx: typer.Context, candidate_id: IdArg, fmt: FormatOpt = Format.TABLE) -> None:
    """One candidate: its fields, every sentence behind it, and its decisions so far."""
    with record(ctx, warn_empty=False) as rec:
        found = rec.review_show(candidate_id)
        history = rec.review_history(candidate_id)
    data = found.to_dict() | {
        "history": [
            {"at": h.at.isoformat(), "who": h.who, "action": h.action, "why": h.why, "data": h.data}
            for h in history
        ]
    }
    if fmt is Format.JSON:
        out.file.write(dumps(data) + "\n")
        return
    _describe(found)
    rows = [[e.published, e.url, e.rule, e.text] for e in found.evidence]
    emit(out, fmt, data, "evidence", ["published", "url", "rule", "sentence"], rows)
    for h in data["history"]:
        out.print(f"{h['at']} {h['who']}: {h['action']} — {h['why'] or ''}", highlight=False)


def _describe(c: Candidate) -> None:
    visitor = c.leader_name or f"{c.visitor_name} (not a known leader)"
    out.print(
        f"{c.id} ({c.state}, version {c.version}): {visitor}"
        f"{f', {c.office}' if c.office else ''} → {c.host_country} "
        f"{', '.join(c.cities)} {_dates(c.start_date, c.end_date) or 'date unknown'}; "
        f"{c.status}, {c.occasion or c.kind}; confidence {c.confidence}",
        highlight=False,
    )
    for key, values in c.conflicts.items():
        out.print(f"  the articles disagree on {key}: {' / '.join(map(str, values))}")
    if c.trip_id:
        out.print(f"  record trip: {c.trip_id}", highlight=False)


@review_app.command("accept")
def review_accept(
    ctx: typer.Context, candidate_id: IdArg, why: WhyOpt = None, version: VersionOpt = None
) -> None:
    """Accept a candidate into the record: a new trip (source "news", every sentence as
    evidence), or, when the record already has the trip, its sentences added to it."""
    with record(ctx, warn_empty=False) as rec:
        found, trip = rec.review_accept(candidate_id, why=why, version=version)
    linked = "added evidence to" if trip.version > 1 else "entered"
    out.print(f"accepted {found.id}: {linked} trip {trip.id}", highlight=False)


@review_app.command("reject")
def review_reject(
    ctx: typer.Context, candidate_id: IdArg, why: WhyOpt = None, version: VersionOpt = None
) -> None:
    """Reject a candidate: it stays in the queue, marked rejected, and never counts."""
    with record(ctx, warn_empty=False) as rec:
        found = rec.review_reject(candidate_id, why=why, version=version)
    out.print(f"rejected {found.id} (version {found.version})", highlight=False)


@review_app.command("edit")
def review_edit(
    ctx: typer.Context,
    candidate_id: IdArg,
    changes: Annotated[
        list[str],
        typer.Argument(
            help=f"field=value, field one of {', '.join(EDITABLE)}; cities separated by ';', "
            "an empty value clears a field. An edited field's conflict counts as settled."
        ),
    ],
    why: WhyOpt = None,
    version: VersionOpt = None,
) -> None:
    """Correct a candidate before accepting it; the old values go to the change log."""
    pairs = field_values(changes)
    with record(ctx, warn_empty=False) as rec:
        found = rec.review_edit(candidate_id, pairs, why=why, version=version)
    out.print(f"edited {found.id} (version {found.version})", highlight=False)
