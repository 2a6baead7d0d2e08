"""``diplotrack ingest``: read news articles into the review queue."""

from __future__ import annotations

from typing import Annotated

import typer

from diplotrack.cli.common import FormatOpt, app, err, out, progress_bar, record
from diplotrack.news.ingest import BATCH, MAX_MB, IngestSummary
from diplotrack.output import Format, dumps, emit

SHOWN = 50  # problems printed before "… and N more"


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles: text or HTML files, folders (read recursively), JSONL files "
            '(one {"url", "published", "title", "text"} a line; - for standard input), '
            "RSS/Atom feeds as files or http(s) URLs."
        ),
    ],
    published_default: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for articles that give none; relative dates "
            "are read from it (default: today)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes that extract (default: every core; 1 reads in this one)."),
    ] = None,
    accept_above: Annotated[
        float | None,
        typer.Option(
            help="Accept into the record, without review, every candidate whose confidence "
            "is at least this (0..1); logged as automatic."
        ),
    ] = None,
    fetch: Annotated[
        bool, typer.Option(help="Fetch the page of a feed entry that carries no full text.")
    ] = True,
    batch: Annotated[int, typer.Option(help="Articles written per transaction.")] = BATCH,
    max_mb: Annotated[
        float, typer.Option(help="Skip articles larger than this many megabytes.")
    ] = MAX_MB,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Read articles, extract the trips they report and put them in the review queue
    (`diplotrack review`): mentions of one trip from many articles become one candidate
    with every sentence as evidence. Articles read before (same URL or same text) are
    skipped. Inputs that cannot be read are listed on stderr and make the exit status 1;
    everything else is written. Details: docs/news.md."""
    with record(ctx, warn_empty=False) as rec, progress_bar() as advance:
        summary = rec.ingest(
            paths,
            workers=workers,
            accept_above=accept_above,
            published_default=published_default,
            fetch=fetch,
            batch=batch,
            max_mb=max_mb,
            progress=lambda done, total: advance("articles", done, total),
        )
    _print(summary, fmt)
    if summary.errors:
        raise typer.Exit(1)


def _print(summary: IngestSummary, fmt: Format) -> None:
    data = summary.as_dict()
    if fmt is Format.JSON:
        out.file.write(dumps(data) + "\n")
        return
    for line in summary.errors[:SHOWN]:
        err.print(f"error: {line}", highlight=False)
    for line in summary.notes[:SHOWN]:
        err.print(f"note: {line}", highlight=False)
    hidden = max(0, len(summary.errors) - SHOWN) + max(0, len(summary.notes) - SHOWN)
    if hidden:
        err.print(f"… and {hidden} more (--format json lists them all)", highlight=False)
    labels = {
        "inputs": "articles found",
        "read": "new articles read",
        "seen": "skipped, read before",
        "empty": "without text",
        "trips": "trips found",
        "candidates_new": "new candidates",
        "candidates_merged": "trips merged into a candidate",
        "matched": "candidates that are a record trip",
        "accepted": "accepted automatically",
    }
    rows = [[label, data[key]] for key, label in labels.items()]
    rows.append(["could not be read", len(summary.errors)])
    rows.append(["workers / seconds", f"{summary.workers} / {data['seconds']}"])
    emit(out, fmt, data, "ingest", ["", "count"], rows)
