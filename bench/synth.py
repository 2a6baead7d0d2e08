"""A deterministic synthetic travel record for the benchmark.

``plan(...)`` decides the leaders (with one or two tenures each), how many trips each
gets, and which leader is "typical"; ``trip_batches(...)`` then yields lists of ``Trip``
objects, ready for ``write_trips``, without holding the whole record in memory.
Everything is drawn from one seeded ``random.Random``, so a run is repeatable.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

import pycountry

from diplotrack.model import Evidence, Leader, OfficeKind, Status, Stop, StopKind, Tenure, Trip
from diplotrack.people.registry import LeaderRecord

HEAVY_ID = "bench-heavy"
HEAVY_HOME = "NOR"
HEAVY_COUNTRIES = 150
HEAVY_TRIPS = 3000
WATCHED = "KAZ"  # the country the visitors / trips-to latency queries ask about
SOURCE = "bench"

# Titles a two-office career goes through: (first office, second office).
CAREERS = (
    (("Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT), ("President", OfficeKind.HEAD_OF_STATE)),
    (("Minister of Foreign Affairs", OfficeKind.MINISTER),
     ("Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT)),
)
SINGLE = (
    ("President", OfficeKind.HEAD_OF_STATE),
    ("Prime Minister", OfficeKind.HEAD_OF_GOVERNMENT),
    ("Chancellor", OfficeKind.HEAD_OF_GOVERNMENT),
    ("President", OfficeKind.BOTH),
)
KINDS = (StopKind.STATE, StopKind.OFFICIAL, StopKind.WORKING, StopKind.SUMMIT,
         StopKind.UNKNOWN)
OCCASIONS = ("Bilateral talks", "State visit", "Summit meeting", "Signed trade agreement",
             "Attended inauguration", None, None)


@dataclass(slots=True)
class PlannedLeader:
    record: LeaderRecord
    trips: int
    two_offices: bool

    @property
    def id(self) -> str:
        return self.record.leader.id


@dataclass(slots=True)
class Plan:
    leaders: list[PlannedLeader]
    heavy: PlannedLeader
    typical: PlannedLeader
    seed: int

    @property
    def total_trips(self) -> int:
        return sum(p.trips for p in self.leaders) + self.heavy.trips


def country_codes() -> list[str]:
    return sorted(c.alpha_3 for c in pycountry.countries)


def plan(n_trips: int, n_leaders: int = 2000, seed: int = 20240601) -> Plan:
    """Leaders and trip counts: ``n_trips`` over ``n_leaders`` plus one heavy leader."""
    rng = random.Random(seed)
    codes = country_codes()
    weights = [rng.uniform(0.5, 1.5) for _ in range(n_leaders)]
    total = sum(weights)
    counts = [int(n_trips * w / total) for w in weights]
    for i in range(n_trips - sum(counts)):
        counts[i % n_leaders] += 1
    leaders = []
    for i in range(n_leaders):
        two = rng.random() < 0.4
        record = _leader(rng, f"bench-l{i:04d}", f"Bench Leader {i:04d}", rng.choice(codes), two)
        leaders.append(PlannedLeader(record, counts[i], two))
    heavy_record = _heavy_leader()
    heavy = PlannedLeader(heavy_record, HEAVY_TRIPS, True)
    mean = n_trips / n_leaders
    typical = min((p for p in leaders if p.two_offices and p.record.leader.country != WATCHED),
                  key=lambda p: (abs(p.trips - mean), p.id))
    return Plan(leaders, heavy, typical, seed)


def _leader(rng: random.Random, leader_id: str, name: str, home: str, two: bool) -> LeaderRecord:
    start = dt.date(rng.randint(1960, 2008), rng.randint(1, 12), rng.randint(1, 28))
    years = rng.randint(4, 16)
    end = start + dt.timedelta(days=365 * years + rng.randint(0, 300))
    current = end > dt.date(2023, 12, 31)
    end_text = None if current else end.isoformat()
    leader = Leader(leader_id, name, home, aliases=(f"{name} (synthetic)",),
                    external_ids=(f"bench:{leader_id}",))
    if not two:
        title, kind = rng.choice(SINGLE)
        tenures = [Tenure(leader_id, home, kind, title, start.isoformat(), end_text,
                          source=SOURCE)]
    else:
        (t1, k1), (t2, k2) = rng.choice(CAREERS)
        middle = start + (end - start) * rng.randint(30, 70) // 100
        tenures = [
            Tenure(leader_id, home, k1, t1, start.isoformat(), middle.isoformat(),
                   source=SOURCE),
            Tenure(leader_id, home, k2, t2, middle.isoformat(), end_text, source=SOURCE),
        ]
    return LeaderRecord(leader, tenures, "bench")


def extra_leader(k: int) -> LeaderRecord:
    """A leader outside the plan, for timing a single write."""
    return _leader(random.Random(k), f"bench-extra-{k}", f"Bench Extra {k}", "ISL", True)


def _heavy_leader() -> LeaderRecord:
    leader = Leader(HEAVY_ID, "Bench Heavy Traveller", HEAVY_HOME,
                    external_ids=(f"bench:{HEAVY_ID}",))
    tenures = [
        Tenure(HEAVY_ID, HEAVY_HOME, OfficeKind.MINISTER, "Minister of Foreign Affairs",
               "1981-03-01", "1997-10-15", source=SOURCE),
        Tenure(HEAVY_ID, HEAVY_HOME, OfficeKind.HEAD_OF_GOVERNMENT, "Prime Minister",
               "1997-10-15", "2021-06-30", source=SOURCE),
    ]
    return LeaderRecord(leader, tenures, "bench")


def heavy_countries(seed: int) -> list[str]:
    """150 destinations for the heavy leader, always including the watched country."""
    rng = random.Random(seed + 1)
    codes = [c for c in country_codes() if c not in (HEAVY_HOME, WATCHED)]
    return [WATCHED, *rng.sample(codes, HEAVY_COUNTRIES - 1)]


def trip_batches(p: Plan, batch_size: int) -> Iterator[list[Trip]]:
    """Every planned trip, in lists of ``batch_size``."""
    batch: list[Trip] = []
    for trip in _all_trips(p):
        batch.append(trip)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _all_trips(p: Plan) -> Iterator[Trip]:
    rng = random.Random(p.seed + 2)
    codes = country_codes()
    for planned in p.leaders:
        others = [c for c in codes if c != planned.record.leader.country]
        yield from _trips_of(rng, planned, others)
    yield from _trips_of(rng, p.heavy, heavy_countries(p.seed))


def _trips_of(rng: random.Random, planned: PlannedLeader, places: list[str]) -> Iterator[Trip]:
    tenures = planned.record.tenures
    first = dt.date.fromisoformat(tenures[0].start_date)
    last_text = tenures[-1].end_date
    last = dt.date.fromisoformat(last_text) if last_text else dt.date(2024, 6, 30)
    span = max((last - first).days - 10, 1)
    for k in range(planned.trips):
        trip_id = f"{planned.id}-t{k:05d}"
        start = first + dt.timedelta(days=rng.randrange(span))
        yield _trip(rng, trip_id, planned.id, start, places, tenures)


def _trip(rng: random.Random, trip_id: str, leader_id: str, start: dt.date,
          places: list[str], tenures: list[Tenure]) -> Trip:
    n_stops = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    precision = rng.random()
    roll = rng.random()
    status = (Status.OCCURRED if roll < 0.90 else
              Status.PLANNED if roll < 0.96 else Status.CANCELLED)
    title = next((t.title for t in reversed(tenures) if t.start_date <= start.isoformat()),
                 tenures[0].title)
    stops: list[Stop] = []
    day = start
    for seq in range(n_stops):
        length = rng.randint(0, 3)
        if precision < 0.04:    # known to the month only
            begin, end = day.isoformat()[:7], None
        elif precision < 0.05:  # known to the year only
            begin, end = day.isoformat()[:4], None
        else:
            begin, end = day.isoformat(), (day + dt.timedelta(days=length)).isoformat()
        kind = (StopKind.TRANSIT if seq > 0 and rng.random() < 0.05 else rng.choice(KINDS))
        evidence = [
            Evidence(SOURCE, f"{trip_id}/{seq}/{e}", url=f"https://example.org/{trip_id}",
                     locator=f"bench:{trip_id}:{seq}",
                     excerpt=f"Synthetic record {trip_id}, stop {seq + 1}.", rule="bench")
            for e in range(rng.choices((1, 2), weights=(80, 20))[0])
        ]
        stops.append(Stop(
            country=rng.choice(places),
            start_date=begin,
            end_date=end,
            cities=(f"City {rng.randint(1, 40)}",),
            kind=kind,
            occasion=rng.choice(OCCASIONS),
            stated_title=title if seq == 0 else None,
            evidence=evidence,
        ))
        day = day + dt.timedelta(days=length + 1)
    return Trip(trip_id, leader_id, stops, status=status, origin=SOURCE)
