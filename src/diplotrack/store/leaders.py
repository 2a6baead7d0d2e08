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
    """Write one leader; see :func:`write_leaders`."""
    return write_leaders(conn, [record], origin)[0]


def write_leaders(conn: Connection, records: list[LeaderRecord], origin: str) -> list[str]:
    """Write leaders with their aliases, ids and tenures, in bulk: for each record
    ``added``, ``updated`` or ``unchanged``. Tenures that overlap one already held under the
    same title (the same office, from another source) are not added twice, and a source
    never overwrites another's attribution."""
    state = _State.load(conn, [r.leader.id for r in records])
    if not state.countries and not state.tenures:
        return _write_fresh(conn, records, origin)  # an empty store: rows computed once
    statuses = [state.apply(record, origin) for record in records]
    state.flush(conn)
    return statuses


# (id of the records, origin) -> (the records themselves, kept so that the id stays theirs;
# statuses; rows to insert)
_FRESH: dict[
    tuple[int, str],
    tuple[list[LeaderRecord], list[str], dict[str, list[dict[str, object]]]],
] = {}


def _write_fresh(conn: Connection, records: list[LeaderRecord], origin: str) -> list[str]:
    """Write ``records`` into a store that holds no leaders. The rows depend only on the
    records, so they are built once per process and reused (each new record, each test)."""
    key = (id(records), origin)
    if key not in _FRESH:
        state = _State({}, set(), set(), {}, defaultdict(list))
        statuses = [state.apply(record, origin) for record in records]
        _FRESH.clear()
        _FRESH[key] = (records, statuses, state.inserts)
    _records, statuses, inserts = _FRESH[key]
    for name in ("leaders", "aliases", "external_ids", "tenures"):
        if inserts[name]:
            conn.execute(schema.metadata.tables[name].insert(), inserts[name])
    return list(statuses)


@dataclass(slots=True)
class _State:
    """What the store holds for the leaders being written, and the rows to write."""

    countries: dict[str, str | None]
    aliases: set[tuple[str, str]]
    external: set[tuple[str, str]]
    tenures: dict[str, dict[str, object]]
    spans: dict[tuple[str, str, str], list[tuple[str, str]]]
    inserts: dict[str, list[dict[str, object]]] = field(default_factory=lambda: defaultdict(list))
    updates: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)

    @classmethod
    def load(cls, conn: Connection, ids: list[str]) -> _State:
        countries = {
            r.id: r.country
            for r in conn.execute(select(schema.leaders.c.id, schema.leaders.c.country))
        }
        aliases = {
            (r.leader_id, r.norm)
            for r in conn.execute(select(schema.aliases.c.leader_id, schema.aliases.c.norm))
        }
        external = {
            (r.scheme, r.value)
            for r in conn.execute(select(schema.external_ids.c.scheme, schema.external_ids.c.value))
        }
        tenures: dict[str, dict[str, object]] = {}
        spans: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
        for row in conn.execute(select(schema.tenures)):
            values = dict(row._mapping)
            tenures[str(values.pop("id"))] = values
            spans[(row.leader_id, row.country, row.title)].append(
                _span(row.start_date, row.end_date)
            )
        return cls(countries, aliases, external, tenures, spans)

    def apply(self, record: LeaderRecord, origin: str) -> str:
        leader = record.leader
        status = "unchanged"
        if leader.id not in self.countries:
            self.inserts["leaders"].append(
                {"id": leader.id, "name": leader.name, "country": leader.country, "origin": origin}
            )
            self.countries[leader.id] = leader.country
            status = "added"
        elif leader.country and self.countries[leader.id] != leader.country:
            self.updates.append(("leaders", leader.id, {"country": leader.country}))
            self.countries[leader.id] = leader.country
            status = "updated"
        changed = self._aliases(leader) | self._external(leader) | self._tenures(record.tenures)
        return "updated" if changed and status == "unchanged" else status

    def _aliases(self, leader: Leader) -> bool:
        added = False
        for alias in (leader.name, leader.id, *leader.aliases):
            key = (leader.id, normalize_name(alias))
            if key[1] and key not in self.aliases:
                self.aliases.add(key)
                self.inserts["aliases"].append(
                    {"leader_id": key[0], "norm": key[1], "alias": alias}
                )
                added = True
        return added

    def _external(self, leader: Leader) -> bool:
        added = False
        for ext in leader.external_ids:
            scheme, _, value = ext.partition(":")
            if value and (scheme, value) not in self.external:
                self.external.add((scheme, value))
                self.inserts["external_ids"].append(
                    {"scheme": scheme, "value": value, "leader_id": leader.id}
                )
                added = True
        return added

    def _tenures(self, tenures: list[Tenure]) -> bool:
        changed = False
        for tenure in tenures:
            values = _tenure_values(tenure)
            old = self.tenures.get(tenure.key)
            office = (tenure.leader_id, tenure.country, tenure.title)
            if old is None:
                span = _span(tenure.start_date, tenure.end_date)
                if any(a < span[1] and span[0] < b for a, b in self.spans[office]):
                    continue
                self.spans[office].append(span)
                self.tenures[tenure.key] = values
                self.inserts["tenures"].append({"id": tenure.key, **values})
                changed = True
            elif any(old[k] != v for k, v in values.items() if k != "source"):
                values["source"] = old["source"]
                self.tenures[tenure.key] = values
                self.updates.append(("tenures", tenure.key, values))
                changed = True
        return changed

    def flush(self, conn: Connection) -> None:
        for name in ("leaders", "aliases", "external_ids", "tenures"):
            if self.inserts[name]:
                conn.execute(schema.metadata.tables[name].insert(), self.inserts[name])
        for name, key, values in self.updates:
            table = schema.metadata.tables[name]
            conn.execute(table.update().where(table.c.id == key).values(**values))


def _span(start: str, end: str | None) -> tuple[str, str]:
    return start, end or "9999-12-31"


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
    def load(cls, conn: Connection, without_origin: str | None = None) -> LeaderIndex:
        """Every leader's names; ``without_origin`` leaves out the people a source added
        itself, so that a re-import decides as the first import did."""
        index = cls()
        skip: set[str] = set()
        for row in conn.execute(select(schema.leaders)):
            if without_origin is not None and row.origin == without_origin:
                skip.add(row.id)
                continue
            index.countries[row.id] = row.country
            index.display[row.id] = row.name
        for row in conn.execute(select(schema.aliases.c.norm, schema.aliases.c.leader_id)):
            if row.leader_id not in skip:
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
