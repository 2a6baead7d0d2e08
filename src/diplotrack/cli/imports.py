"""``diplotrack import …``: datasets and leaders, each in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diplotrack.cli.common import FormatOpt, import_app, print_summary, progress_bar, record
from diplotrack.output import Format

SkipOpt = Annotated[
    bool,
    typer.Option(
        "--skip-bad",
        help="Import the good records and report "
        "the rejected ones (default: any reject writes nothing).",
    ),
]


def _run_import(
    ctx: typer.Context,
    source: str,
    path: Path | None,
    skip_bad: bool,
    fmt: Format,
    options: dict[str, object] | None = None,
) -> None:
    with record(ctx, warn_empty=False) as rec, progress_bar() as progress:
        summary = rec.import_file(
            source, path, strict=not skip_bad, progress=progress, options=options
        )
    print_summary(summary, fmt)


@import_app.command("history-state")
def import_history_state(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="Folder with the travels and visits XML; without it, downloads them."),
    ] = None,
    skip_bad: SkipOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """The US Office of the Historian's travels (presidents, secretaries of state) and
    visits of foreign leaders to the US."""
    _run_import(ctx, "history-state", path, skip_bad, fmt)


@import_app.command("table")
def import_table(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="CSV, JSON or JSONL in the trip table format.")],
    complete_for: Annotated[
        list[str] | None,
        typer.Option(
            "--complete-for",
            help="LEADER:FROM:TO — this file records that leader's trips "
            "completely in that period (repeatable).",
        ),
    ] = None,
    skip_bad: SkipOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Our own trip table (docs/table-format.md): one row per stop."""
    _run_import(ctx, "table", path, skip_bad, fmt, {"complete_for": complete_for or []})


@import_app.command("colt")
def import_colt(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="COLT as CSV or XLSX (sheet Master).")],
    skip_bad: SkipOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """The COLT leader-travel dataset (University of Denver)."""
    _run_import(ctx, "colt", path, skip_bad, fmt)


@import_app.command("leaders")
def import_leaders(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="Leaders CSV or Wikidata SPARQL JSON.")],
    skip_bad: SkipOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Leaders and tenures (docs/leaders.md): our CSV, or a Wikidata SPARQL JSON result."""
    with record(ctx, warn_empty=False) as rec:
        summary = rec.import_leaders(path, strict=not skip_bad)
    print_summary(summary, fmt)
