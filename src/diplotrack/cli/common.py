"""The ``diplotrack`` command's shared parts: the Typer apps, consoles, options and the
record context that turns library errors into one line on stderr.

Counting follows the conventions in docs/counting.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from diplotrack.errors import Ambiguous, DiplotrackError
from diplotrack.output import Format, dumps
from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.store.imports import ImportRejected, ImportSummary

CONVENTIONS = "Counting conventions: docs/counting.md (visits by default; only occurred trips)."
app = typer.Typer(
    help="An auditable, sourced record of leaders' travels. " + CONVENTIONS,
    no_args_is_help=True,
    add_completion=False,
)
import_app = typer.Typer(
    help="Load trips or leaders from a dataset, in one transaction.", no_args_is_help=True
)
trip_app = typer.Typer(
    help="Show, edit, delete, restore and merge trips; every change is logged.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")
app.add_typer(trip_app, name="trip")

out = Console(width=None if Console().is_terminal else 200)
err = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="DIPLOTRACK_DB", help="Database path or URL (sqlite:///…, postgresql://…)."
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
SinceOpt = Annotated[str | None, typer.Option(help="Count trips starting on or after this date.")]
UntilOpt = Annotated[str | None, typer.Option(help="Count trips starting on or before this date.")]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="List the trips behind each count.")]
WhyOpt = Annotated[str, typer.Option("--why", help="The reason, written to the change log.")]


@app.callback()
def main_options(ctx: typer.Context, db: DbOpt = None) -> None:
    """Global options."""
    try:
        ctx.obj = Settings.from_env(db=db)
    except DiplotrackError as exc:
        _fail(exc)


@contextmanager
def record(ctx: typer.Context, *, warn_empty: bool = True) -> Iterator[Record]:
    """The record named by --db, with errors turned into one line on stderr; a note when
    a command reads a record that holds nothing yet (often a mistyped --db)."""
    try:
        rec = Record(settings=ctx.obj)
    except DiplotrackError as exc:
        _fail(exc)
    if warn_empty and rec.is_empty():
        err.print(
            f"note: the record at {rec.settings.db} holds no trips yet; "
            "import some first (diplotrack import --help)",
            highlight=False,
        )
    try:
        yield rec
    except ImportRejected as exc:
        print_summary(exc.summary, Format.TABLE)
        _fail(exc)
    except DiplotrackError as exc:
        _fail(exc)
    finally:
        rec.close()


def _fail(exc: DiplotrackError) -> Any:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    if isinstance(exc, Ambiguous):
        err.print("candidates: " + ", ".join(exc.candidates), highlight=False)
    raise typer.Exit(1)


@contextmanager
def progress_bar() -> Iterator[Callable[[str, int, int | None], None]]:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, Any] = {}

        def update(label: str, done: int, total: int | None) -> None:
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total)

        yield update


def print_summary(summary: ImportSummary, fmt: Format) -> None:
    if fmt is Format.JSON:
        out.file.write(dumps(summary.as_dict()) + "\n")
        return
    for line in summary.rejects:
        err.print(f"rejected: {line}", highlight=False)
    for line in summary.notices[:50]:
        err.print(f"note: {line}", highlight=False)
    if len(summary.notices) > 50:
        err.print(f"note: … and {len(summary.notices) - 50} more (use --format json)")
    state = "written" if summary.written else "nothing written"
    out.print(
        f"{summary.source}: {summary.records} records; added {summary.added}, updated "
        f"{summary.updated}, unchanged {summary.unchanged}, rejected {summary.rejected}, "
        f"exact duplicates {summary.duplicates}, new leaders {summary.leaders_added} "
        f"({state})",
        highlight=False,
    )


def field_values(changes: list[str]) -> dict[str, str]:
    """`field=value` arguments as a mapping; a malformed one is a usage error."""
    pairs: dict[str, str] = {}
    for change in changes:
        key, sep, value = change.partition("=")
        if not sep:
            raise typer.BadParameter(f"{change!r}: expected field=value")
        pairs[key.strip()] = value.strip()
    return pairs
