"""The ``diplotrack`` command: a thin front over the Python API (``diplotrack.record``).

Counting follows the conventions in docs/counting.md.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from diplotrack import export as exporter
from diplotrack.analysis.results import visit_dict
from diplotrack.errors import Ambiguous, DiplotrackError
from diplotrack.output import Format, dumps, emit, sources_text
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
T = TypeVar("T")

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
    ctx.obj = Settings.from_env(db=db)


@contextmanager
def record(ctx: typer.Context) -> Iterator[Record]:
    """The record named by --db, with errors turned into one line on stderr."""
    try:
        rec = Record(settings=ctx.obj)
    except DiplotrackError as exc:
        _fail(exc)
    try:
        yield rec
    except ImportRejected as exc:
        _print_summary(exc.summary, Format.TABLE)
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


# -- imports -------------------------------------------------------------------------------

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
    with record(ctx) as rec, progress_bar() as progress:
        summary = rec.import_file(
            source, path, strict=not skip_bad, progress=progress, options=options
        )
    _print_summary(summary, fmt)


def _print_summary(summary: ImportSummary, fmt: Format) -> None:
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
    with record(ctx) as rec:
        summary = rec.import_leaders(path, strict=not skip_bad)
    _print_summary(summary, fmt)


# -- counting ------------------------------------------------------------------------------


@app.command()
def top(
    ctx: typer.Context,
    leader: Annotated[str, typer.Argument(help="Name, alias, id or external id.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    office: Annotated[str | None, typer.Option(help="Only trips made under this title.")] = None,
    count: Annotated[str, typer.Option(help="visits, stops or days.")] = "visits",
    limit: Annotated[int | None, typer.Option(help="Show the first N countries.")] = None,
    include_transit: Annotated[bool, typer.Option(help="Count transit stops too.")] = False,
    explain: ExplainOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Destinations ranked, each split by the office held on the trip date."""
    if count not in ("visits", "stops", "days"):
        raise typer.BadParameter("use visits, stops or days", param_hint="--count")
    with record(ctx) as rec:
        result = rec.top(
            leader,
            since=since,
            until=until,
            office=office,
            count=count,
            limit=limit,
            include_transit=include_transit,
        )
    data = result.to_dict(explain)
    rows = [
        [r["country"], r["name"], r.get(count, r["visits"]), r["by_office"]] for r in data["rows"]
    ]
    title = f"{result.leader.name}: {count} by destination (conventions: docs/counting.md)"
    emit(out, fmt, data, title, ["country", "name", count, "by_office"], rows)
    if explain and fmt is Format.TABLE:
        for row in data["rows"]:
            _print_visits(f"{row['name']}", row["trips"])
    _note_uncertain(data, fmt)


@app.command()
def trips(
    ctx: typer.Context,
    leader: Annotated[str, typer.Argument(help="Name, alias, id or external id.")],
    to: Annotated[str | None, typer.Option(help="Only visits to this country.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    status: Annotated[str | None, typer.Option(help="occurred, planned or cancelled.")] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Visits numbered per country (1st, 2nd, …) with dates, cities, office and sources."""
    with record(ctx) as rec:
        result = rec.trips(leader, to=to, since=since, until=until, status=status)
    data = result.to_dict()
    if fmt is Format.TABLE:
        _print_visits(f"{result.leader.name}: visits", data["trips"])
        return
    emit(out, fmt, data, "", _VISIT_COLUMNS, [_visit_row(t) for t in data["trips"]])


_VISIT_COLUMNS = [
    "n",
    "country",
    "start_date",
    "end_date",
    "office",
    "cities",
    "kind",
    "occasion",
    "status",
    "sources",
]


def _visit_row(trip: dict[str, Any]) -> list[Any]:
    office = trip["office"]
    if office and (
        trip["office_acting"] or trip["office_uncertain"] or not trip["office_verified"]
    ):
        marks = [
            m
            for m, on in (
                ("acting", trip["office_acting"]),
                ("uncertain", trip["office_uncertain"]),
                ("unverified", not trip["office_verified"]),
            )
            if on
        ]
        office = f"{office} ({', '.join(marks)})"
    return [
        trip["n"],
        trip["country"],
        trip["start_date"],
        trip["end_date"],
        office,
        trip["cities"],
        trip["kind"],
        trip["occasion"],
        trip["status"],
        sources_text(trip["sources"]),
    ]


def _print_visits(title: str, visits: list[dict[str, Any]]) -> None:
    emit(out, Format.TABLE, {}, title, _VISIT_COLUMNS, [_visit_row(t) for t in visits])


def _note_uncertain(data: dict[str, Any], fmt: Format) -> None:
    if data.get("uncertain") and fmt is Format.TABLE:
        err.print(
            f"note: {len(data['uncertain'])} trip(s) with partial dates straddle the "
            "window and are not counted (see --format json, key 'uncertain')"
        )


@app.command()
def visitors(
    ctx: typer.Context,
    country: Annotated[str, typer.Argument(help="Country name, alias or ISO code.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_roles: Annotated[
        bool,
        typer.Option(help="Include ministers and others, not only heads of state or government."),
    ] = False,
    explain: ExplainOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Which leaders came to a country, and how often."""
    with record(ctx) as rec:
        result = rec.visitors(country, since=since, until=until, all_roles=all_roles)
    data = result.to_dict(explain)
    rows = [
        [r["leader"]["name"], r["leader_country"], r["visits"], r["by_office"]]
        for r in data["rows"]
    ]
    emit(
        out,
        fmt,
        data,
        f"Visitors to {result.name} (conventions: docs/counting.md)",
        ["leader", "from", "visits", "by_office"],
        rows,
    )
    if explain and fmt is Format.TABLE:
        for row in data["rows"]:
            _print_visits(row["leader"]["name"], row["trips"])
    _note_uncertain(data, fmt)
    if data["left_out"] and fmt is Format.TABLE:
        err.print(
            f"note: {data['left_out']} visit(s) by ministers and others are not counted "
            "(heads of state and government only); --all-roles lists them"
        )


@app.command()
def pair(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="First country.")],
    b: Annotated[str, typer.Argument(help="Second country.")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_roles: Annotated[bool, typer.Option(help="Include ministers and others.")] = False,
    explain: ExplainOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Visits each way between two countries' leaders, per year."""
    with record(ctx) as rec:
        result = rec.pair(a, b, since=since, until=until, all_roles=all_roles)
    data = result.to_dict(explain)
    rows = [[r["year"], r["a_to_b"], r["b_to_a"]] for r in data["rows"]]
    emit(
        out,
        fmt,
        data,
        f"{result.a} ↔ {result.b} (conventions: docs/counting.md)",
        ["year", f"{result.a}→{result.b}", f"{result.b}→{result.a}"],
        rows,
    )
    if explain and fmt is Format.TABLE:
        for row in data["rows"]:
            _print_visits(str(row["year"]), row["trips"])


@app.command("leader")
def leader_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias, id or external id.")],
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """A leader's names, ids and tenures (the offices the counts split by)."""
    with record(ctx) as rec:
        found = rec.leader(name)
        tenures = rec.tenures(found.id)
    data: dict[str, Any] = {
        "id": found.id,
        "name": found.name,
        "country": found.country,
        "aliases": list(found.aliases),
        "external_ids": list(found.external_ids),
        "tenures": [
            {
                "country": t.country,
                "office_kind": t.office_kind.value,
                "title": t.title,
                "start_date": t.start_date,
                "end_date": t.end_date,
                "acting": t.acting,
                "source": t.source,
            }
            for t in tenures
        ],
    }
    rows = [
        [t["title"], t["country"], t["start_date"], t["end_date"], t["acting"], t["source"]]
        for t in data["tenures"]
    ]
    emit(
        out,
        fmt,
        data,
        f"{found.name} ({found.id})",
        ["title", "country", "start_date", "end_date", "acting", "source"],
        rows,
    )


@app.command("export")
def export_cmd(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, json, jsonl or parquet.")
    ] = "csv",
    out_path: Annotated[str, typer.Option("--out", help="File to write; - for stdout.")] = "-",
) -> None:
    """The whole record as the trip table: one row per stop, stable order, round-trips
    through `import table`."""
    if fmt not in exporter.FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(exporter.FORMATS)}", param_hint="--format")
    with record(ctx) as rec:
        rows = rec.export_rows()
    if out_path == "-":
        if fmt == "parquet":
            raise typer.BadParameter("parquet needs --out PATH", param_hint="--out")
        sys.stdout.buffer.write(exporter.render(rows, fmt))
        return
    exporter.write(rows, fmt, Path(out_path))
    err.print(f"wrote {len(rows)} stops to {out_path}")


# -- trips ---------------------------------------------------------------------------------

VersionOpt = Annotated[
    int | None, typer.Option(help="Refuse unless the trip is at this version (no lost updates).")
]


@trip_app.command("show")
def trip_show(ctx: typer.Context, trip_id: str, fmt: FormatOpt = Format.JSON) -> None:
    """A trip with its stops and evidence."""
    from diplotrack.analysis.visits import visits_of

    with record(ctx) as rec:
        trip = rec.trip(trip_id)
        tenures = rec.tenures(trip.leader_id)
    data: dict[str, Any] = {
        "id": trip.id,
        "leader_id": trip.leader_id,
        "status": trip.status.value,
        "version": trip.version,
        "deleted": trip.deleted,
        "notes": trip.notes,
        "visits": [visit_dict(v) for v in visits_of(trip, tenures, include_transit=True)],
    }
    emit(
        out,
        fmt,
        data,
        f"trip {trip.id} (version {trip.version})",
        _VISIT_COLUMNS,
        [_visit_row(v) for v in data["visits"]],
    )


@trip_app.command("delete")
def trip_delete(ctx: typer.Context, trip_id: str, why: WhyOpt, version: VersionOpt = None) -> None:
    """Soft-delete a trip: it stops counting but stays in the record and the log."""
    with record(ctx) as rec:
        trip = rec.delete_trip(trip_id, why=why, version=version)
    out.print(f"deleted {trip.id} (version {trip.version})")


@trip_app.command("restore")
def trip_restore(ctx: typer.Context, trip_id: str, why: WhyOpt, version: VersionOpt = None) -> None:
    """Undo a soft deletion."""
    with record(ctx) as rec:
        trip = rec.restore_trip(trip_id, why=why, version=version)
    out.print(f"restored {trip.id} (version {trip.version})")


@trip_app.command("edit")
def trip_edit(
    ctx: typer.Context,
    trip_id: str,
    changes: Annotated[
        list[str],
        typer.Argument(
            help="field=value: status, notes, or N.field "
            "for stop N (country, cities, start_date, "
            "end_date, kind, occasion, notes)."
        ),
    ],
    why: WhyOpt,
    version: VersionOpt = None,
) -> None:
    """Edit a trip; the old values go to the change log."""
    pairs: dict[str, str] = {}
    for change in changes:
        key, sep, value = change.partition("=")
        if not sep:
            raise typer.BadParameter(f"{change!r}: expected field=value")
        pairs[key.strip()] = value.strip()
    with record(ctx) as rec:
        trip = rec.edit_trip(trip_id, pairs, why=why, version=version)
    out.print(f"edited {trip.id} (version {trip.version})")


@trip_app.command("merge")
def trip_merge(ctx: typer.Context, keep: str, other: str, why: WhyOpt) -> None:
    """Merge OTHER into KEEP: stops and evidence move, OTHER is soft-deleted."""
    with record(ctx) as rec:
        trip = rec.merge_trips(keep, other, why=why)
    out.print(f"merged {other} into {trip.id} (version {trip.version})")


@trip_app.command("history")
def trip_history(ctx: typer.Context, trip_id: str, fmt: FormatOpt = Format.TABLE) -> None:
    """The change log of one trip: who, when, what, why."""
    with record(ctx) as rec:
        changes = rec.history(trip_id)
    data: dict[str, Any] = {
        "trip": trip_id,
        "changes": [
            {
                "id": c.id,
                "at": c.at.isoformat(),
                "who": c.who,
                "action": c.action,
                "data": c.data,
                "why": c.why,
            }
            for c in changes
        ],
    }
    rows = [[c["at"], c["who"], c["action"], c["why"], dumps(c["data"])] for c in data["changes"]]
    emit(out, fmt, data, f"history of {trip_id}", ["at", "who", "action", "why", "data"], rows)


def main() -> None:
    app()
