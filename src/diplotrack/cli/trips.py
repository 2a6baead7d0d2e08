"""``diplotrack trip …``: show, edit, delete, restore and merge trips, and their history."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from diplotrack.analysis.results import trip_dict
from diplotrack.cli.common import FormatOpt, WhyOpt, field_values, out, record, trip_app
from diplotrack.output import Format, dumps, emit, sources_text

VersionOpt = Annotated[
    int | None, typer.Option(help="Refuse unless the trip is at this version (no lost updates).")
]


@trip_app.command("show")
def trip_show(ctx: typer.Context, trip_id: str, fmt: FormatOpt = Format.TABLE) -> None:
    """A trip with its numbered stops (as `trip edit N.field` counts them), their evidence,
    and the visits it counts for."""
    with record(ctx) as rec:
        trip = rec.trip(trip_id)
        tenures = rec.tenures(trip.leader_id)
    data = trip_dict(trip, tenures, rec.settings.disputed_policy)
    stops = data["stops"]
    state = " — DELETED" if trip.deleted else ""
    rows = [
        [
            s["stop"],
            s["country"],
            s["start_date"],
            s["end_date"],
            s["cities"],
            s["kind"],
            s["occasion"],
            sources_text(s["sources"]),
        ]
        for s in stops
    ]
    emit(
        out,
        fmt,
        data,
        f"trip {trip.id} of {trip.leader_id}, {trip.status.value}, version {trip.version}{state}",
        ["stop", "country", "start_date", "end_date", "cities", "kind", "occasion", "sources"],
        rows,
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
            help="field=value: status, notes, or N.field for stop N as `trip show` numbers "
            "them from 1 (country, cities, start_date, end_date, kind, occasion, notes)."
        ),
    ],
    why: WhyOpt,
    version: VersionOpt = None,
) -> None:
    """Edit a trip; the old values go to the change log."""
    pairs = field_values(changes)
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
        "changes": [c.to_dict() for c in changes],
    }
    rows = [[c["at"], c["who"], c["action"], c["why"], dumps(c["data"])] for c in data["changes"]]
    emit(out, fmt, data, f"history of {trip_id}", ["at", "who", "action", "why", "data"], rows)
