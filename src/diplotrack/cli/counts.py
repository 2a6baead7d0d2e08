"""Counting commands: ``top``, ``trips``, ``visitors``, ``pair``, ``leader``, ``export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from diplotrack import export as exporter
from diplotrack.analysis.results import leader_dict
from diplotrack.cli.common import (
    ExplainOpt,
    FormatOpt,
    SinceOpt,
    UntilOpt,
    app,
    err,
    out,
    record,
)
from diplotrack.output import Format, emit, sources_text


@app.command()
def top(
    ctx: typer.Context,
    leader: Annotated[str, typer.Argument(help="Name, alias, id or external id.")],
    to: Annotated[
        str | None,
        typer.Option(
            help="Only this country, group or region: Kazakhstan, group:CSTO, "
            "region:central-asia (membership on each trip's date)."
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    office: Annotated[str | None, typer.Option(help="Only trips made under this title.")] = None,
    count: Annotated[str, typer.Option(help="visits, stops or days.")] = "visits",
    limit: Annotated[int | None, typer.Option(min=1, help="Show the first N countries.")] = None,
    include_transit: Annotated[bool, typer.Option(help="Count transit stops too.")] = False,
    explain: ExplainOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Destinations ranked, each split by the office held on the trip date
    (conventions: docs/counting.md)."""
    if count not in ("visits", "stops", "days"):
        raise typer.BadParameter("use visits, stops or days", param_hint="--count")
    with record(ctx) as rec:
        result = rec.top(
            leader,
            to=to,
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
    _print_notes(data, fmt)


@app.command()
def trips(
    ctx: typer.Context,
    leader: Annotated[str, typer.Argument(help="Name, alias, id or external id.")],
    to: Annotated[
        str | None, typer.Option(help="Only visits to this country, group:X or region:X.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    status: Annotated[str | None, typer.Option(help="occurred, planned or cancelled.")] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Visits numbered per country (1st, 2nd, …) with dates, cities, office and sources
    (conventions: docs/counting.md)."""
    with record(ctx) as rec:
        result = rec.trips(leader, to=to, since=since, until=until, status=status)
    data = result.to_dict()
    if fmt is Format.TABLE:
        _print_visits(f"{result.leader.name}: visits", data["trips"])
        _print_notes(data, fmt)
        return
    emit(out, fmt, data, "", VISIT_COLUMNS, [visit_row(t) for t in data["trips"]])


VISIT_COLUMNS = [
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


def visit_row(trip: dict[str, Any]) -> list[Any]:
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
    emit(out, Format.TABLE, {}, title, VISIT_COLUMNS, [visit_row(t) for t in visits])


def _print_notes(data: dict[str, Any], fmt: Format) -> None:
    if fmt is Format.TABLE:
        for note in data.get("policies", []):
            err.print(f"policy: {note}")
    if data.get("uncertain") and fmt is Format.TABLE:
        err.print(
            f"note: {len(data['uncertain'])} trip(s) with partial dates straddle the "
            "window and are not counted (see --format json, key 'uncertain')"
        )


@app.command()
def visitors(
    ctx: typer.Context,
    country: Annotated[
        str, typer.Argument(help="Country (name, alias, ISO code), or group:X / region:X.")
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_roles: Annotated[
        bool,
        typer.Option(help="Include ministers and others, not only heads of state or government."),
    ] = False,
    explain: ExplainOpt = False,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Which leaders came to a country (or a group's members), and how often
    (conventions: docs/counting.md)."""
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
    _print_notes(data, fmt)
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
    """Visits each way between two countries' leaders, per year (conventions:
    docs/counting.md)."""
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
    data = leader_dict(found, tenures)
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
