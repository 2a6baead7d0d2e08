"""Apply an importer's batch to the store: all of it in one transaction, or nothing."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, select

from diplotrack.dates import lower, upper
from diplotrack.errors import DiplotrackError, Notice, Reject
from diplotrack.model import Stop
from diplotrack.people.registry import LeaderRecord
from diplotrack.sources.base import CoverageDecl, ImportBatch
from diplotrack.store import schema
from diplotrack.store.database import Database, log_change
from diplotrack.store.leaders import write_leaders
from diplotrack.store.trips import write_trips
from diplotrack.text import stable_id


@dataclass(slots=True)
class ImportSummary:
    source: str
    records: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    duplicates: int = 0
    leaders_added: int = 0
    written: bool = False
    rejects: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


BULK = 1000


class ImportRejected(DiplotrackError):
    """Rejected records in a strict import: nothing was written."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__(
            f"{summary.rejected} record(s) rejected; nothing was written "
            "(use --skip-bad to import the rest)"
        )
        self.summary = summary


def apply_batch(
    db: Database, batch: ImportBatch, *, who: str, strict: bool = True
) -> ImportSummary:
    """Write ``batch`` in one transaction. With ``strict``, any reject writes nothing."""
    with db.reading() as conn:
        batch.rejects.extend(_foreign_keys(conn, batch))
        batch.notices.extend(_overlaps(conn, batch))
    summary = _summary(batch)
    if batch.rejects and strict:
        raise ImportRejected(summary)
    with db.transaction() as conn:
        summary.leaders_added = _write_leaders(conn, batch.leaders, batch.source)
        counts = write_trips(conn, batch.trips, who=who, source=batch.source)
        summary.added, summary.updated, summary.unchanged = (
            counts.added,
            counts.updated,
            counts.unchanged,
        )
        _write_coverage(conn, batch.coverage)
        if counts.added or counts.updated or summary.leaders_added:
            log_change(
                conn,
                who=who,
                action="import",
                entity="source",
                entity_id=batch.source,
                data=_log_data(summary),
            )
    summary.written = True
    if summary.added + summary.updated + summary.leaders_added > BULK:
        db.analyze()
    return summary


def apply_leaders(
    db: Database,
    records: list[LeaderRecord],
    rejects: list[Reject],
    *,
    source: str,
    who: str,
    strict: bool = True,
) -> ImportSummary:
    """Write leaders and tenures (``import leaders``) in one transaction."""
    summary = ImportSummary(
        source=source,
        records=len(records) + len(rejects),
        rejected=len(rejects),
        rejects=[str(r) for r in rejects],
    )
    if rejects and strict:
        raise ImportRejected(summary)
    with db.transaction() as conn:
        for status in write_leaders(conn, records, source):
            setattr(summary, status, getattr(summary, status) + 1)
        if summary.added or summary.updated:
            log_change(
                conn,
                who=who,
                action="import",
                entity="source",
                entity_id=source,
                data=_log_data(summary),
            )
    summary.written = True
    return summary


def _foreign_keys(conn: Connection, batch: ImportBatch) -> list[Reject]:
    """A trip key that already names another leader's trip is refused, never overwritten;
    the trips it would have replaced are left out of the batch."""
    leaders: dict[str, str] = {}
    ids = [t.id for t in batch.trips]
    for start in range(0, len(ids), 500):
        query = select(schema.trips.c.id, schema.trips.c.leader_id).where(
            schema.trips.c.id.in_(ids[start : start + 500])
        )
        leaders.update({row.id: row.leader_id for row in conn.execute(query)})
    rejects: list[Reject] = []
    kept = []
    for trip in batch.trips:
        owner = leaders.get(trip.id)
        if owner is not None and owner != trip.leader_id:
            where = next((e.locator for e in trip.evidence if e.locator), batch.source)
            rejects.append(
                Reject(
                    where,
                    f"field trip: key {trip.id!r} is already a trip of "
                    f"{owner}, not of {trip.leader_id}; use another key",
                )
            )
        else:
            kept.append(trip)
    batch.trips = kept
    return rejects


def _overlaps(conn: Connection, batch: ImportBatch) -> list[Notice]:
    """New trips that overlap a trip of the same leader already in the record, in the same
    country: probably the same journey from another source (``trip merge`` joins them)."""
    ids = [t.id for t in batch.trips]
    known: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        known.update(conn.scalars(select(schema.trips.c.id).where(schema.trips.c.id.in_(chunk))))
    fresh = [t for t in batch.trips if t.id not in known]
    leaders = sorted({t.leader_id for t in fresh})
    if not fresh or not leaders or (len(known) == 0 and not _has_trips(conn, leaders)):
        return []
    spans = _spans(conn, leaders)
    notices: list[Notice] = []
    for trip in fresh:
        for stop in trip.stops:
            other = _overlapping(spans.get((trip.leader_id, stop.country), []), stop)
            if other is not None:
                where = next((e.locator for e in stop.evidence if e.locator), batch.source)
                notices.append(
                    Notice(
                        where,
                        f"overlaps trip {other} of {trip.leader_id} in "
                        f"{stop.country} already in the record: the same "
                        "journey? (diplotrack trip merge)",
                    )
                )
                break
    return notices


def _has_trips(conn: Connection, leaders: list[str]) -> bool:
    query = select(schema.trips.c.id).where(schema.trips.c.leader_id.in_(leaders)).limit(1)
    return conn.execute(query).first() is not None


def _spans(
    conn: Connection, leaders: list[str]
) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    query = (
        select(
            schema.trips.c.leader_id,
            schema.stops.c.country,
            schema.stops.c.start_lo,
            schema.stops.c.end_hi,
            schema.trips.c.id,
        )
        .join(schema.stops, schema.stops.c.trip_id == schema.trips.c.id)
        .where(schema.trips.c.leader_id.in_(leaders), schema.trips.c.deleted.is_(False))
    )
    spans: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for row in conn.execute(query):
        if row.start_lo and row.end_hi:
            spans.setdefault((row.leader_id, row.country), []).append(
                (row.start_lo, row.end_hi, row.id)
            )
    return spans


def _overlapping(spans: list[tuple[str, str, str]], stop: Stop) -> str | None:
    if not stop.start_date:
        return None
    first = lower(stop.start_date)
    last = upper(stop.end_date or stop.start_date)
    return next((trip for lo, hi, trip in spans if lo <= last and first <= hi), None)


def _summary(batch: ImportBatch) -> ImportSummary:
    return ImportSummary(
        source=batch.source,
        records=batch.records,
        rejected=len(batch.rejects),
        duplicates=batch.duplicates,
        rejects=[str(r) for r in batch.rejects],
        notices=[str(n) for n in batch.notices],
    )


def _write_leaders(conn: Connection, records: list[LeaderRecord], source: str) -> int:
    return sum(status == "added" for status in write_leaders(conn, records, source))


def _write_coverage(conn: Connection, decls: list[CoverageDecl]) -> None:
    table = schema.coverage
    for decl in decls:
        key = stable_id("c", decl.source, decl.leader_id, decl.start_date)
        values = {
            "leader_id": decl.leader_id,
            "start_date": decl.start_date,
            "end_date": decl.end_date,
            "source": decl.source,
            "note": decl.note,
        }
        row = conn.execute(select(table).where(table.c.id == key)).first()
        if row is None:
            conn.execute(table.insert().values(id=key, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            conn.execute(table.update().where(table.c.id == key).values(**values))


def _log_data(summary: ImportSummary) -> dict[str, object]:
    keep = ("records", "added", "updated", "unchanged", "rejected", "duplicates", "leaders_added")
    return {key: getattr(summary, key) for key in keep}


def notices_text(notices: list[Notice]) -> list[str]:
    return [str(n) for n in notices]
