"""Leaders, aliases, external ids and tenures in the store."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from diplotrack.model import Leader, OfficeKind, Tenure
from diplotrack.people.registry import LeaderRecord
from diplotrack.places import normalize_name
from diplotrack.store import schema


def upsert_leader(conn: Connection, record: LeaderRecord, origin: str) -> str:
    """Write a leader with aliases, ids and tenures: ``added``, ``updated`` or ``unchanged``."""
    leader = record.leader
    row = conn.execute(
        select(schema.leaders.c.name, schema.leaders.c.country).where(
            schema.leaders.c.id == leader.id
        )
    ).first()
    status = "unchanged"
    if row is None:
        conn.execute(
            schema.leaders.insert().values(
                id=leader.id, name=leader.name, country=leader.country, origin=origin
            )
        )
        status = "added"
    elif leader.country and row.country != leader.country:
        conn.execute(
            schema.leaders.update()
            .where(schema.leaders.c.id == leader.id)
            .values(country=leader.country)
        )
        status = "updated"
    changed = _add_aliases(conn, leader) | _add_external_ids(conn, leader)
    changed |= _upsert_tenures(conn, record.tenures)
    if changed and status == "unchanged":
        status = "updated"
    return status


def _add_aliases(conn: Connection, leader: Leader) -> bool:
    table = schema.aliases
    known = set(conn.scalars(select(table.c.norm).where(table.c.leader_id == leader.id)))
    fresh: dict[str, str] = {}
    for alias in (leader.name, leader.id, *leader.aliases):
        norm = normalize_name(alias)
        if norm and norm not in known and norm not in fresh:
            fresh[norm] = alias
    if fresh:
        conn.execute(
            table.insert(),
            [{"leader_id": leader.id, "norm": n, "alias": a} for n, a in fresh.items()],
        )
    return bool(fresh) and bool(known)


def _add_external_ids(conn: Connection, leader: Leader) -> bool:
    table = schema.external_ids
    added = False
    for ext in leader.external_ids:
        scheme, _, value = ext.partition(":")
        if not value:
            continue
        exists = conn.execute(
            select(table.c.leader_id).where(table.c.scheme == scheme, table.c.value == value)
        ).first()
        if exists is None:
            conn.execute(table.insert().values(scheme=scheme, value=value, leader_id=leader.id))
            added = True
    return added


def _upsert_tenures(conn: Connection, tenures: list[Tenure]) -> bool:
    """Add new tenures and correct changed ones. A tenure that overlaps one already held
    under the same title (the same office, from another source) is not added twice, and
    a source never overwrites another's attribution."""
    table = schema.tenures
    changed = False
    for tenure in tenures:
        values = _tenure_values(tenure)
        row = conn.execute(select(table).where(table.c.id == tenure.key)).first()
        if row is None:
            if _overlaps_same_office(conn, tenure):
                continue
            conn.execute(table.insert().values(id=tenure.key, **values))
            changed = True
        elif any(getattr(row, k) != v for k, v in values.items() if k != "source"):
            values["source"] = row.source
            conn.execute(table.update().where(table.c.id == tenure.key).values(**values))
            changed = True
    return changed


def _tenure_values(tenure: Tenure) -> dict[str, object]:
    return {
        "leader_id": tenure.leader_id,
        "country": tenure.country,
        "office_kind": tenure.office_kind.value,
        "title": tenure.title,
        "start_date": tenure.start_date,
        "end_date": tenure.end_date,
        "acting": tenure.acting,
        "source": tenure.source,
    }


def _overlaps_same_office(conn: Connection, tenure: Tenure) -> bool:
    table = schema.tenures
    rows = conn.execute(
        select(table.c.start_date, table.c.end_date).where(
            table.c.leader_id == tenure.leader_id,
            table.c.country == tenure.country,
            table.c.title == tenure.title,
        )
    )
    end = tenure.end_date or "9999-12-31"
    return any(
        r.start_date < end and tenure.start_date < (r.end_date or "9999-12-31") for r in rows
    )


def tenures_of(conn: Connection, leader_ids: list[str] | None = None) -> dict[str, list[Tenure]]:
    """Tenures by leader, sorted by start date; all leaders when ``leader_ids`` is None."""
    query = select(schema.tenures)
    if leader_ids is not None:
        query = query.where(schema.tenures.c.leader_id.in_(leader_ids))
    result: dict[str, list[Tenure]] = defaultdict(list)
    for row in conn.execute(query.order_by(schema.tenures.c.start_date)):
        result[row.leader_id].append(
            Tenure(
                row.leader_id,
                row.country,
                OfficeKind(row.office_kind),
                row.title,
                row.start_date,
                row.end_date,
                bool(row.acting),
                row.source,
            )
        )
    return dict(result)


def get_leader(conn: Connection, leader_id: str) -> Leader | None:
    row = conn.execute(select(schema.leaders).where(schema.leaders.c.id == leader_id)).first()
    if row is None:
        return None
    alias_rows = conn.scalars(
        select(schema.aliases.c.alias).where(schema.aliases.c.leader_id == leader_id)
    )
    ext_rows = conn.execute(
        select(schema.external_ids.c.scheme, schema.external_ids.c.value).where(
            schema.external_ids.c.leader_id == leader_id
        )
    )
    return Leader(
        id=row.id,
        name=row.name,
        country=row.country,
        aliases=tuple(sorted(alias_rows)),
        external_ids=tuple(sorted(f"{s}:{v}" for s, v in ext_rows)),
    )


@dataclass(slots=True)
class LeaderIndex:
    """Every leader's names, for resolving many mentions without a query each."""

    names: dict[str, set[str]] = field(default_factory=dict)
    external: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str | None] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> LeaderIndex:
        index = cls()
        for row in conn.execute(select(schema.leaders)):
            index.countries[row.id] = row.country
            index.display[row.id] = row.name
        for row in conn.execute(select(schema.aliases.c.norm, schema.aliases.c.leader_id)):
            index.names.setdefault(row.norm, set()).add(row.leader_id)
        for row in conn.execute(select(schema.external_ids)):
            index.external[f"{row.scheme}:{row.value}"] = row.leader_id
        return index

    def add(self, leader: Leader) -> None:
        self.countries[leader.id] = leader.country
        self.display[leader.id] = leader.name
        for alias in (leader.name, leader.id, *leader.aliases):
            self.names.setdefault(normalize_name(alias), set()).add(leader.id)
        for ext in leader.external_ids:
            self.external[ext] = leader.id

    def lookup(self, text: str, country: str | None = None) -> list[str]:
        """Leader ids that answer to ``text`` (an id, ``scheme:value``, name or alias)."""
        if text in self.countries:
            return [text]
        if text in self.external:
            return [self.external[text]]
        ids = sorted(self.names.get(normalize_name(text), set()))
        if country is not None:
            ids = [i for i in ids if self.countries.get(i) in (country, None)]
        return ids

    def by_surname(self, text: str) -> list[str]:
        """Leaders whose name ends with the one word ``text`` ("Bush", "Clinton")."""
        word = normalize_name(text)
        if not word or " " in word:
            return []
        return sorted(
            i for i, name in self.display.items() if normalize_name(name).split()[-1:] == [word]
        )
