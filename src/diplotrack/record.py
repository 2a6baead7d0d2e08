"""The Python API: ``rec = diplotrack.open(path_or_url)`` and the operations on a record."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, partial
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from rapidfuzz import process
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from diplotrack.analysis import counting
from diplotrack.analysis.destinations import Destination, destination
from diplotrack.analysis.results import (
    PairResult,
    TopResult,
    TripsResult,
    VisitorsResult,
    policies,
)
from diplotrack.analysis.visits import InWindow, Unit, Visit, Window
from diplotrack.claims.check import CheckResult, check_text
from diplotrack.dates import parse_day
from diplotrack.errors import Ambiguous, InputError, NotFound
from diplotrack.model import Change, Leader, Status, StopKind, Tenure, Trip
from diplotrack.news import candidates
from diplotrack.news import review as news_review
from diplotrack.news.article import article
from diplotrack.news.extract import Extractor
from diplotrack.news.ingest import IngestOptions, IngestSummary
from diplotrack.news.ingest import ingest as ingest_paths
from diplotrack.news.result import ExtractedTrip
from diplotrack.people.offices import office_on
from diplotrack.people.registry import LeaderRecord, bundled_registry
from diplotrack.people.resolve import NameService, PersonContext, PersonResolution
from diplotrack.places import Country, gazetteer
from diplotrack.places.resolve import PlaceContext, PlaceResolution, resolve_place
from diplotrack.settings import Settings
from diplotrack.sources.base import ImportContext, ProgressFn, importers, no_progress
from diplotrack.store import edits, schema
from diplotrack.store.database import Database
from diplotrack.store.imports import ImportSummary, apply_batch, apply_leaders
from diplotrack.store.leaders import LeaderIndex, get_leader, tenures_of, write_leaders
from diplotrack.store.trips import load_trips
from diplotrack.timeutil import today

IMPORT_MATCH = 0.75
STRONG_MATCHES = ("name", "Russian case form", "transliteration variant")


class Record:
    """One travel record (a database) and the questions it answers."""

    def __init__(self, path_or_url: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env(db=path_or_url)
        self.db = Database(self.settings.db)
        self._names: NameService | None = None
        self._extractor: Extractor | None = None
        self._visit_cache: dict[tuple[str, bool], list[Visit]] = {}
        self._leaders: dict[str, Leader] = {}
        self._coverage: dict[str, list[tuple[str, str]]] = {}
        self._sync_registry()

    def __enter__(self) -> Record:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- registry and resolution -------------------------------------------------------

    def _sync_registry(self) -> None:
        digest = _registry_digest()
        with self.db.transaction() as conn:
            row = conn.execute(
                select(schema.meta.c.value).where(schema.meta.c.key == "registry_digest")
            ).first()
            if row is not None and row[0] == digest:
                return
            write_leaders(conn, bundled_registry().records, "registry")
            table = schema.meta
            conn.execute(table.delete().where(table.c.key == "registry_digest"))
            conn.execute(table.insert().values(key="registry_digest", value=digest))

    def leader(self, text: str) -> Leader:
        """A leader by id, ``scheme:value`` external id, name or alias."""
        if text in self._leaders:
            return self._leaders[text]
        index = self.names().index
        with self.db.reading() as conn:
            ids = index.lookup(text) or index.by_surname(text) or self._spelt(text)
            if len(ids) > 1:
                names = [f"{i} ({index.display[i]}, {index.countries.get(i) or '?'})" for i in ids]
                raise Ambiguous(f"{text!r} fits {len(ids)} leaders: " + "; ".join(names), ids)
            if not ids:
                raise NotFound(f"no leader {text!r}{_suggest(text, index)}")
            leader = get_leader(conn, ids[0])
        assert leader is not None
        self._leaders[text] = leader
        return leader

    def is_empty(self) -> bool:
        """Whether the record holds no trips at all (a new or mistyped database)."""
        with self.db.reading() as conn:
            return conn.execute(select(schema.trips.c.id).limit(1)).first() is None

    def _spelt(self, text: str) -> list[str]:
        """A leader named in another spelling of a full name ("Jacques R. Chirac")."""
        found = self.names().resolve_person(text)
        return [found.leader_id] if found.leader_id and found.method in STRONG_MATCHES else []

    def country(self, text: str) -> Country:
        found = gazetteer().country(text)
        if found is None:
            raise NotFound(f"no country {text!r}")
        return found

    def tenures(self, leader: str) -> list[Tenure]:
        """A leader's tenures, by start date (from the cached name service)."""
        found = self.leader(leader)
        return list(self.names().tenures.get(found.id, []))

    def country_tenures(self, country: str, on: str | None = None) -> list[tuple[Tenure, str]]:
        """A country's tenures (with the holder's name), or those in force on ``on``."""
        code = self.country(country).iso3
        names = self.names()
        found = [
            (t, names.index.display.get(t.leader_id, t.leader_id))
            for t in names.by_country.get(code, [])
            if on is None or office_on([t], on).title is not None
        ]
        return sorted(found, key=lambda item: (item[0].start_date, item[0].office_kind.value))

    # -- imports -----------------------------------------------------------------------

    def import_file(
        self,
        source: str,
        path: Path | None,
        *,
        strict: bool = True,
        progress: ProgressFn = no_progress,
        options: dict[str, object] | None = None,
    ) -> ImportSummary:
        """Read ``path`` with the named importer and apply it in one transaction."""
        importer = importers().get(source)
        if importer is None:
            raise NotFound(f"no importer {source!r}; known: {', '.join(sorted(importers()))}")
        with self.db.reading() as conn:
            index = LeaderIndex.load(conn, without_origin=source)
            tenures = tenures_of(conn)
            names = NameService.load(conn, without_origin=source)
        context = ImportContext(
            index,
            self.settings,
            progress,
            {"tenures": tenures, **(options or {})},
            partial(_known_person, names),
        )
        batch = importer(path, context)
        self._forget()
        return apply_batch(self.db, batch, who=self.settings.user, strict=strict)

    def import_leaders(self, path: Path, *, strict: bool = True) -> ImportSummary:
        from diplotrack.people.registry import parse_leaders_csv, parse_wikidata_json
        from diplotrack.sources.rows import read_text

        text = read_text(path, str(path))
        parse = parse_wikidata_json if path.suffix.lower() == ".json" else parse_leaders_csv
        batch = parse(text, str(path))
        with self.db.reading() as conn:
            index = LeaderIndex.load(conn)
        records = [_matched(record, index) for record in batch.records]
        self._forget()
        return apply_leaders(
            self.db,
            records,
            batch.rejects,
            source=f"leaders:{path.name}",
            who=self.settings.user,
            strict=strict,
        )

    # -- counting ----------------------------------------------------------------------

    def _visits(
        self,
        *,
        leader_ids: Sequence[str] | None = None,
        where: Destination | None = None,
        include_transit: bool = False,
    ) -> tuple[list[Visit], LeaderIndex]:
        countries = where.stored_countries() if where else None
        with self.db.reading() as conn:
            trips = load_trips(conn, leader_ids=leader_ids, countries=countries)
            tenures = tenures_of(conn, sorted({t.leader_id for t in trips}))
            index = self.names().index if leader_ids is None else LeaderIndex()
        policy = self.settings.disputed_policy
        visits = counting.all_visits(trips, tenures, include_transit, policy)
        if where is not None:
            visits = [v for v in visits if where.matches(v)]
        return visits, index

    def top(
        self,
        leader: str,
        *,
        to: str | None = None,
        since: str | None = None,
        until: str | None = None,
        office: str | None = None,
        count: str = "visits",
        limit: int | None = None,
        include_transit: bool = False,
    ) -> TopResult:
        """Destinations ranked, each split by the office held on the trip date; ``to``
        narrows them to a group or region (membership judged on each trip's date)."""
        who = self.leader(leader)
        unit = Unit(count)
        where = destination(to) if to else None
        filters = counting.Filters(_window(since, until), office, unit, include_transit)
        found, _ = self._visits(leader_ids=[who.id], include_transit=include_transit)
        visits = [v for v in found if _abroad(v, who) and (where is None or where.matches(v))]
        inside, unsure = counting.counted(visits, filters)
        touched = counting.counted(found, filters)[0]
        rows = counting.tally(inside, lambda v: v.country, _country_name, unit)
        return TopResult(
            who,
            unit.value,
            since,
            until,
            office,
            rows[:limit] if limit else rows,
            unsure,
            where.label if where else None,
            policies(touched),
        )

    def trips(
        self,
        leader: str,
        *,
        to: str | None = None,
        since: str | None = None,
        until: str | None = None,
        status: str | None = None,
        office: str | None = None,
        kind: str | None = None,
    ) -> TripsResult:
        """Visits numbered per country (1st, 2nd, ...), with dates, office and sources;
        ``office`` keeps those made under that title, ``kind`` those with a stop of that
        kind (the numbers stay those of all the leader's visits)."""
        who = self.leader(leader)
        where = destination(to) if to else None
        wanted = _status(status)
        stop_kind = _kind(kind)
        window = _window(since, until)
        visits, _ = self._visits(leader_ids=[who.id])
        chosen = [
            v
            for v in visits
            if _abroad(v, who)
            and (where is None or where.matches(v))
            and (wanted is None or v.trip.status is wanted)
            and window.place(v.trip.start_date) is InWindow.IN
            and (office is None or (v.office.title or "").casefold() == office.casefold())
            and (stop_kind is None or any(s.kind is stop_kind for s in v.stops))
        ]
        chosen.sort(key=lambda v: v.sort_key)
        return TripsResult(who, chosen, policies(chosen))

    def visitors(
        self,
        country: str,
        *,
        since: str | None = None,
        until: str | None = None,
        all_roles: bool = False,
        from_group: str | None = None,
    ) -> VisitorsResult:
        """Which leaders came to a country (or to a group's members), how often, by office;
        ``from_group`` keeps the leaders of that group's members (on each trip's date)."""
        where = destination(country)
        home_in = destination(from_group) if from_group else None
        visits, index = self._visits(where=where)
        filters = counting.Filters(_window(since, until))
        foreign = [
            v for v in visits if _home(v, index) != v.country and _from(v, _home(v, index), home_in)
        ]
        inside, unsure = counting.counted(
            [v for v in foreign if _counts_as_leader(v, all_roles)], filters
        )
        left_out = len(counting.counted(foreign, filters)[0]) - len(inside)
        rows = counting.tally(
            inside, lambda v: v.trip.leader_id, lambda k: index.display.get(k, k), Unit.VISITS
        )
        for row in rows:
            row.extra["country"] = index.countries.get(row.key)
        code = where.country or f"group:{where.group}"
        return VisitorsResult(
            code, where.label, since, until, rows, unsure, left_out, policies(inside)
        )

    def pair(
        self,
        a: str,
        b: str,
        *,
        since: str | None = None,
        until: str | None = None,
        all_roles: bool = False,
    ) -> PairResult:
        """Visits each way between two countries' leaders, per year."""
        first, second = self.country(a), self.country(b)
        filters = counting.Filters(_window(since, until))
        ways = []
        for home, host in ((first, second), (second, first)):
            where = Destination(host.name, country=host.iso3)
            visits, index = self._visits(where=where)
            chosen = [
                v
                for v in visits
                if _counts_as_leader(v, all_roles) and _home(v, index) == home.iso3
            ]
            ways.append(counting.per_year(counting.counted(chosen, filters)[0]))
        years = sorted(set(ways[0]) | set(ways[1]))
        counted = [v for way in ways for visits in way.values() for v in visits]
        return PairResult(
            first.iso3,
            second.iso3,
            {y: (ways[0].get(y, []), ways[1].get(y, [])) for y in years},
            policies(counted),
        )

    # -- claims ------------------------------------------------------------------------

    def leader_visits(self, leader_id: str, *, include_transit: bool = False) -> list[Visit]:
        """A leader's visits abroad (every status), numbered per country; cached per
        record until the next import."""
        key = (leader_id, include_transit)
        if key not in self._visit_cache:
            who = self.leader(leader_id)
            found, _ = self._visits(leader_ids=[who.id], include_transit=include_transit)
            self._visit_cache[key] = [v for v in found if _abroad(v, who)]
        return self._visit_cache[key]

    def covered(self, leader_id: str, since: str | None, until: str) -> bool:
        """Whether a source declared this leader's trips complete over the whole window
        (a window without a start needs coverage from the leader's first tenure)."""
        start = since or min((t.start_date for t in self.tenures(leader_id)), default=None)
        if start is None:
            return False
        if leader_id not in self._coverage:
            with self.db.reading() as conn:
                query = select(schema.coverage.c.start_date, schema.coverage.c.end_date).where(
                    schema.coverage.c.leader_id == leader_id
                )
                self._coverage[leader_id] = [
                    (r.start_date, r.end_date) for r in conn.execute(query)
                ]
        rows = self._coverage[leader_id]
        return any(first <= start and until <= last for first, last in rows)

    def check(self, text: str, published: str | None = None) -> CheckResult:
        """The figures about visits in ``text``, each judged against the record as of the
        publication date (default: today)."""
        day = parse_day(published) if published else today()
        return check_text(self, text, day)

    def extract(
        self,
        text: str | bytes,
        published: str | None = None,
        language: str = "auto",
        url: str | None = None,
    ) -> list[ExtractedTrip]:
        """The trips a news text (plain or HTML) reports, with the sentences that say so;
        relative dates are read against ``published`` (default today)."""
        found = article(text, published=published, url=url, language=language, hashed=False)
        if self._extractor is None:
            self._extractor = Extractor(self)
        return self._extractor.extract(found)

    # -- names and places --------------------------------------------------------------

    def names(self) -> NameService:
        """The name service over this record's leaders (loaded once, refreshed on import)."""
        if self._names is None:
            with self.db.reading() as conn:
                self._names = NameService.load(conn)
        return self._names

    def resolve_person(
        self, mention: str, on: str | None = None, country: str | None = None
    ) -> PersonResolution:
        """Who ``mention`` means on date ``on``, with the office held then."""
        near = self.country(country).iso3 if country else None
        return self.names().resolve_person(mention, on, PersonContext(near))

    def resolve_place(
        self, mention: str, on: str | None = None, near: str | None = None
    ) -> PlaceResolution:
        """Which country (and city) ``mention`` means on date ``on``."""
        code = self.country(near).iso3 if near else None
        context = PlaceContext(code, self.settings.disputed_policy)
        return resolve_place(mention, on, context)

    # -- trips and the change log ------------------------------------------------------

    def trip(self, trip_id: str) -> Trip:
        with self.db.reading() as conn:
            found = load_trips(conn, trip_ids=[trip_id], include_deleted=True)
        if not found:
            raise NotFound(f"no trip {trip_id!r}")
        return found[0]

    def create_trip(
        self,
        leader: str,
        stops: Sequence[edits.NewStop],
        *,
        status: str = "occurred",
        notes: str | None = None,
        source: edits.NewSource | None = None,
        why: str | None = None,
        who: str | None = None,
    ) -> Trip:
        """Enter a new trip of ``leader`` (any name or id) with its stops and a source for
        each; logged under ``who`` (default: the settings' user). TripExists when the
        record holds a trip of that leader with the same countries and start dates."""
        trip = edits.new_trip(
            self.leader(leader).id, stops, status=status, notes=notes, source=source
        )
        try:
            with self._editing() as conn:
                edits.create(conn, trip, who=who or self.settings.user, why=why)
        except IntegrityError:  # entered at the same moment by someone else
            raise edits.TripExists(trip.id) from None
        return self.trip(trip.id)

    def delete_trip(
        self, trip_id: str, *, why: str, version: int | None = None, who: str | None = None
    ) -> Trip:
        """Soft-delete a trip (it stops counting); logged with ``why``."""
        with self._editing() as conn:
            edits.set_deleted(
                conn, trip_id, True, who=who or self.settings.user, why=why, version=version
            )
        return self.trip(trip_id)

    def restore_trip(
        self, trip_id: str, *, why: str, version: int | None = None, who: str | None = None
    ) -> Trip:
        """Undo a soft deletion; logged with ``why``."""
        with self._editing() as conn:
            edits.set_deleted(
                conn, trip_id, False, who=who or self.settings.user, why=why, version=version
            )
        return self.trip(trip_id)

    def edit_trip(
        self,
        trip_id: str,
        changes: dict[str, str],
        *,
        why: str,
        version: int | None = None,
        who: str | None = None,
    ) -> Trip:
        """Change trip or stop fields (``status``, ``1.kind``…); logged with ``why``."""
        with self._editing() as conn:
            edits.edit(
                conn, trip_id, changes, who=who or self.settings.user, why=why, version=version
            )
        return self.trip(trip_id)

    def merge_trips(
        self,
        keep: str,
        other: str,
        *,
        why: str,
        version: int | None = None,
        other_version: int | None = None,
        who: str | None = None,
    ) -> Trip:
        """Move ``other``'s stops and evidence into ``keep``; logged with ``why``. The
        versions, when given, must be the trips' current ones."""
        with self._editing() as conn:
            edits.merge(
                conn,
                keep,
                other,
                who=who or self.settings.user,
                why=why,
                version=version,
                other_version=other_version,
            )
        return self.trip(keep)

    def _forget(self) -> None:
        """Drop what was cached from the database, after a write."""
        self._names = None
        self._extractor = None
        self._visit_cache = {}
        self._leaders = {}
        self._coverage = {}

    @contextmanager
    def _editing(self) -> Iterator[Connection]:
        with self.db.transaction() as conn:
            yield conn
        self._forget()

    def history(self, trip_id: str) -> list[Change]:
        """Every change-log entry of a trip, oldest first."""
        self.trip(trip_id)
        with self.db.reading() as conn:
            return edits.history(conn, "trip", trip_id)

    def export_rows(self) -> list[dict[str, Any]]:
        from diplotrack.export import export_rows

        with self.db.reading() as conn:
            return export_rows(conn)

    # -- news: ingest and the review queue (docs/news.md) ----------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        *,
        workers: int | None = None,
        accept_above: float | None = None,
        published_default: str | None = None,
        fetch: bool = True,
        batch: int = 200,
        max_mb: float = 8.0,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> IngestSummary:
        """Read articles (files, folders, JSONL, RSS/Atom feeds by path or URL) into the
        review queue; ``workers`` processes extract (default every core)."""
        options = IngestOptions(workers, accept_above, published_default, fetch, batch, max_mb)
        try:
            return ingest_paths(self, paths, options, progress or (lambda _d, _t: None))
        finally:
            self._forget()

    def review_list(
        self,
        state: str | None = "pending",
        *,
        limit: int = 50,
        offset: int = 0,
        leader: str | None = None,
        country: str | None = None,
        status: str | None = None,
        conflicted: bool = False,
    ) -> candidates.Page:
        """Candidates of the review queue, newest first (``state`` None: every state)."""
        filters = candidates.Filters(
            state,
            self.leader(leader).id if leader else None,
            self.country(country).iso3 if country else None,
            status,
            conflicted,
        )
        with self.db.reading() as conn:
            return candidates.list_candidates(conn, filters, limit, offset)

    def review_show(self, candidate_id: str) -> candidates.Candidate:
        """One candidate with every sentence behind it."""
        with self.db.reading() as conn:
            return candidates.get_candidate(conn, candidate_id)

    def review_accept(
        self,
        candidate_id: str,
        *,
        why: str | None,
        version: int | None = None,
        who: str | None = None,
    ) -> tuple[candidates.Candidate, Trip]:
        """Accept a candidate into the record: a new trip, or evidence added to the trip it
        matches; logged with ``why``."""
        with self._editing() as conn:
            done = news_review.accept(
                conn, candidate_id, who=who or self.settings.user, why=why, version=version
            )
        return self.review_show(candidate_id), self.trip(done.trip_id)

    def review_reject(
        self,
        candidate_id: str,
        *,
        why: str | None,
        version: int | None = None,
        who: str | None = None,
    ) -> candidates.Candidate:
        """Reject a pending candidate (it stays in the queue, marked); logged with ``why``."""
        with self.db.transaction() as conn:
            news_review.reject(
                conn, candidate_id, who=who or self.settings.user, why=why, version=version
            )
        return self.review_show(candidate_id)

    def review_edit(
        self,
        candidate_id: str,
        changes: Mapping[str, news_review.Value],
        *,
        why: str | None,
        version: int | None = None,
        who: str | None = None,
    ) -> candidates.Candidate:
        """Change a candidate's fields (``start_date``, ``cities``, ``visitor_name``…)."""
        with self.db.transaction() as conn:
            news_review.edit(
                conn,
                candidate_id,
                changes,
                who=who or self.settings.user,
                why=why,
                version=version,
                resolve=lambda name: news_review.visitor_id(self, name),
            )
        return self.review_show(candidate_id)

    def review_history(self, candidate_id: str) -> list[Change]:
        """Every decision on a candidate, oldest first."""
        self.review_show(candidate_id)
        with self.db.reading() as conn:
            return edits.history(conn, "candidate", candidate_id)


def open(path_or_url: str | None = None, **settings: Any) -> Record:
    """Open (and if needed create or upgrade) a record; SQLite path or database URL."""
    base = Settings.from_env(db=path_or_url, **settings)
    return Record(settings=base)


def _known_person(names: NameService, name: str, country: str | None, on: str | None) -> str | None:
    """A known leader for a name the alias index lacks ("Vladimir Puttin", "Putin"):
    only a confident match, of the given country, in office on the date."""
    found = names.resolve_person(name, on, PersonContext(country))
    if not found.resolved or found.confidence < IMPORT_MATCH or found.leader_id is None:
        return None
    spelling = found.method in STRONG_MATCHES  # the whole name, however spelt
    if not spelling and on is not None and found.office.title is None:
        return None
    home = found.office.country or names.index.countries.get(found.leader_id)
    return found.leader_id if country is None or home == country else None


def _matched(record: LeaderRecord, index: LeaderIndex) -> LeaderRecord:
    """The record under the id of a known leader that has one of its external ids."""
    known = next(
        (index.external[e] for e in record.leader.external_ids if e in index.external), None
    )
    if known is None or known == record.leader.id:
        return record
    leader = replace(record.leader, id=known)
    tenures = [replace(t, leader_id=known) for t in record.tenures]
    return LeaderRecord(leader, tenures, record.locator)


def _status(text: str | None) -> Status | None:
    if not text:
        return None
    try:
        return Status(text)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InputError(f"status {text!r} is not one of {choices}") from None


def _kind(text: str | None) -> StopKind | None:
    if not text:
        return None
    try:
        return StopKind(text)
    except ValueError:
        choices = ", ".join(k.value for k in StopKind)
        raise InputError(f"kind {text!r} is not one of {choices}") from None


def _from(visit: Visit, home: str | None, where: Destination | None) -> bool:
    """Whether the visitor's country is ``where`` (a country, or a member of a group on
    the trip's date)."""
    if where is None:
        return True
    if home is None:
        return False
    return where.matches(replace(visit, country=home))


def _window(since: str | None, until: str | None) -> Window:
    return Window(parse_day(since) if since else None, parse_day(until) if until else None)


def _country_name(code: str) -> str:
    try:
        return gazetteer().country_by_code(code).name
    except KeyError:
        return code


def _counts_as_leader(visit: Visit, all_roles: bool) -> bool:
    return all_roles or visit.office.is_leader


def _abroad(visit: Visit, leader: Leader) -> bool:
    """A trip inside the leader's own country (as the policy counts it) is not a visit."""
    return visit.country != (visit.office.country or leader.country)


def _home(visit: Visit, index: LeaderIndex) -> str | None:
    return visit.office.country or index.countries.get(visit.trip.leader_id)


def _suggest(text: str, index: LeaderIndex) -> str:
    from diplotrack.places import normalize_name

    matches = process.extract(normalize_name(text), list(index.names), limit=3, score_cutoff=75)
    names = sorted({index.display[i] for m in matches for i in index.names[m[0]]})
    return f"; did you mean {', '.join(names)}?" if names else ""


@cache
def _registry_digest() -> str:
    folder = resources.files("diplotrack").joinpath("data/leaders")
    digest = hashlib.sha256()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".csv"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()
