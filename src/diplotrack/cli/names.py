"""Names and places: ``whois``, ``place``, ``leaders`` and ``groups`` show what the resolver
decides and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from diplotrack.cli.common import FormatOpt, app, err, out, record
from diplotrack.dates import DateError, parse_day
from diplotrack.output import Format, emit
from diplotrack.places import groups
from diplotrack.record import Record

T = TypeVar("T")
OnOpt = Annotated[str | None, typer.Option("--on", help="The date (YYYY-MM-DD) to judge on.")]
NearOpt = Annotated[
    str | None, typer.Option("--near", help="A country named nearby in the text (context).")
]


def _asked(ctx: typer.Context, on: str | None, ask: Callable[[Record], T]) -> T:
    """Check the --on date, then ask the record, errors as one line."""
    with record(ctx) as rec:
        if on:
            parse_day(on)
        return ask(rec)


@app.command()
def whois(
    ctx: typer.Context,
    mention: Annotated[str, typer.Argument(help='A mention: "Putin", "the Kazakh president".')],
    on: OnOpt = None,
    near: NearOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Who a mention of a leader means on a date, in which office, and why."""
    found, names = _asked(
        ctx, on, lambda rec: (rec.resolve_person(mention, on, near), rec.names().index.display)
    )
    data: dict[str, Any] = {
        "mention": mention,
        "on": on,
        "leader": {"id": found.leader_id, "name": found.name} if found.leader_id else None,
        "office": found.office.title,
        "office_acting": found.office.acting,
        "confidence": round(found.confidence, 2),
        "method": found.method,
        "alternatives": [{"id": a, "name": names.get(a, a)} for a in found.alternatives],
    }
    rows = [
        [
            found.name or "(unresolved)",
            found.office.title,
            data["confidence"],
            found.method,
            ", ".join(names.get(a, a) for a in found.alternatives),
        ]
    ]
    emit(
        out,
        fmt,
        data,
        f"whois {mention!r}" + (f" on {on}" if on else ""),
        ["leader", "office", "confidence", "method", "alternatives"],
        rows,
    )


@app.command()
def place(
    ctx: typer.Context,
    mention: Annotated[str, typer.Argument(help='A place: "Astana", "в Минске", "Crimea".')],
    on: OnOpt = None,
    near: NearOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Which country (and city) a place mention means on a date, and why."""
    found = _asked(ctx, on, lambda rec: rec.resolve_place(mention, on, near))
    data = {
        "mention": mention,
        "on": on,
        "country": found.country,
        "city": found.city,
        "kind": found.kind,
        "confidence": found.confidence,
        "alternatives": list(found.alternatives),
        "notes": list(found.notes),
    }
    rows = [
        [
            found.country,
            found.city,
            found.kind,
            found.confidence,
            ", ".join(found.alternatives),
            " ".join(found.notes),
        ]
    ]
    emit(
        out,
        fmt,
        data,
        f"place {mention!r}",
        ["country", "city", "kind", "confidence", "alternatives", "notes"],
        rows,
    )
    if found.kind == "unknown":
        err.print(f"error: no place {mention!r}", highlight=False)
        raise typer.Exit(1)


@app.command()
def leaders(
    ctx: typer.Context,
    country: Annotated[str, typer.Argument(help="Country name, alias or ISO code.")],
    on: OnOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """A country's tenures in the registry (heads of state and government, and ministers
    where it holds them), or those in office on a date."""
    held, code = _asked(
        ctx, on, lambda rec: (rec.country_tenures(country, on), rec.country(country).iso3)
    )
    data = {
        "country": code,
        "on": on,
        "tenures": [
            {
                "leader": {"id": t.leader_id, "name": name},
                "title": t.title,
                "office_kind": t.office_kind.value,
                "start_date": t.start_date,
                "end_date": t.end_date,
                "acting": t.acting,
                "source": t.source,
            }
            for t, name in held
        ],
    }
    rows = [[name, t.title, t.start_date, t.end_date, t.acting, t.source] for t, name in held]
    emit(
        out,
        fmt,
        data,
        f"tenures of {code}" + (f" on {on}" if on else ""),
        ["leader", "title", "start_date", "end_date", "acting", "source"],
        rows,
    )


@app.command("groups")
def groups_cmd(
    name: Annotated[str | None, typer.Argument(help="A group or region (all if omitted).")] = None,
    on: OnOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Groups of states and regions, or one group's members on a date (or ever)."""
    try:
        day = parse_day(on) if on else None
    except DateError as exc:
        raise typer.BadParameter(str(exc), param_hint="--on") from None
    if name is None:
        items = [
            {"id": g.id, "kind": g.kind, "name": g.name, "name_ru": g.name_ru}
            for g in groups().all()
        ]
        emit(
            out,
            fmt,
            {"groups": items},
            "groups and regions",
            ["id", "kind", "name", "name_ru"],
            [[i["id"], i["kind"], i["name"], i["name_ru"]] for i in items],
        )
        return
    group = groups().group(name)
    if group is None:
        raise typer.BadParameter(f"no group or region {name!r}", param_hint="NAME")
    members = groups().members(group.id, day)
    spans = [m for m in groups().memberships(group.id) if m.country in members]
    data = {
        "group": group.id,
        "name": group.name,
        "on": on,
        "members": members,
        "memberships": [
            {
                "country": m.country,
                "start_date": m.start_date,
                "end_date": m.end_date,
                "note": m.note,
            }
            for m in spans
        ],
    }
    emit(
        out,
        fmt,
        data,
        f"{group.name}" + (f" on {on}" if on else ""),
        ["country", "start_date", "end_date", "note"],
        [[m.country, m.start_date, m.end_date, m.note] for m in spans],
    )
