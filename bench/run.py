"""diplotrack benchmark: imports, bulk writes and query latency on SQLite and PostgreSQL.

    python bench/run.py [--backend sqlite|postgresql|both] [--trips 200000] [--quick]

See bench/README.md. Figures are printed as a table and written to
bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import resolution
import synth
from sqlalchemy import create_engine, text

import diplotrack as dt_lib
from diplotrack.store import leaders as leader_store
from diplotrack.store.trips import write_trips

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HISTORY_STATE = (ROOT / ".." / "shared" / "data" / "history-state").resolve()
RESULTS = HERE / "results"
PG_BASE = os.environ.get("DIPLOTRACK_BENCH_PG", "postgresql://127.0.0.1:5432/test")


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    started = time.perf_counter()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    report: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_average_start": [round(x, 2) for x in os.getloadavg()]},
        "commit": _commit(),
        "settings": {"trips": args.trips, "leaders": args.leaders, "batch": args.batch,
                     "repeats": args.repeats, "quick": args.quick,
                     "heavy_trips": synth.HEAVY_TRIPS, "heavy_countries": synth.HEAVY_COUNTRIES},
        "backends": {},
    }
    for backend in backends:
        print(f"== {backend}", flush=True)
        try:
            with _database(backend, args.keep) as (url, size_of):
                report["backends"][backend] = _bench_backend(url, size_of, args, backend)
        except _Unavailable as exc:
            print(f"   skipped: {exc}", flush=True)
            report["backends"][backend] = {"skipped": str(exc)}
    print("== name and place resolution", flush=True)
    report["resolution"] = resolution.run()
    report["total_seconds"] = round(time.perf_counter() - started, 1)
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "latest.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(report))
    res = report["resolution"]
    print(f"\nresolution: cold start {res['cold_open_s']:.2f} s open + "
          f"{res['cold_first_person_s']:.2f} s first person + {res['cold_first_place_s']:.2f} s "
          f"first place; {res['people_per_s']:,} people/s, {res['places_per_s']:,} places/s")
    print(f"\ntotal wall time {report['total_seconds']:.1f} s; figures in "
          f"{out.relative_to(ROOT)}")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--trips", type=int, default=None,
                        help="synthetic trips over the ordinary leaders (default 200000, "
                             "20000 with --quick)")
    parser.add_argument("--quick", action="store_true", help="a smaller run (about 2 minutes)")
    parser.add_argument("--leaders", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=20_000, help="trips per write transaction")
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed calls per query (default 20, 10 with --quick)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated databases (prints where) instead of "
                             "removing them")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one call of each query; writes "
                             "bench/results/profile-<backend>-<query>.txt")
    args = parser.parse_args(argv)
    if args.trips is None:
        args.trips = 20_000 if args.quick else 200_000
    if args.repeats is None:
        args.repeats = 10 if args.quick else 20
    return args


def _commit() -> str | None:
    """The project's commit, with ``+dirty`` when the work tree has changes."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


class _Unavailable(Exception):
    pass


@contextmanager
def _database(backend: str, keep: bool = False) -> Iterator[tuple[str, Callable[[], int | None]]]:
    """An empty database for one backend, removed afterwards; yields its URL and a
    function giving its size on disk in bytes."""
    if backend == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="diplotrack-bench-"))
        path = folder / "bench.sqlite"

        def sqlite_size() -> int:
            return sum(f.stat().st_size for f in folder.iterdir())

        try:
            yield str(path), sqlite_size
        finally:
            if keep:
                print(f"   kept {path}", flush=True)
            else:
                shutil.rmtree(folder, ignore_errors=True)
        return
    schema = f"bench_{os.getpid()}_{int(time.time())}"
    engine = create_engine("postgresql+psycopg://" + PG_BASE.split("://", 1)[1])
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:
        engine.dispose()
        raise _Unavailable(f"no PostgreSQL at {PG_BASE} ({type(exc).__name__})") from exc

    def pg_size() -> int:
        with engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = :s AND c.relkind = 'r'"), {"s": schema}).scalar_one())

    sep = "&" if "?" in PG_BASE else "?"
    url = f"{PG_BASE}{sep}options=-csearch_path%3D{schema}"
    try:
        yield url, pg_size
    finally:
        if keep:
            print(f"   kept {url} (drop with: DROP SCHEMA {schema} CASCADE)", flush=True)
        else:
            with engine.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def _bench_backend(url: str, size_of: Callable[[], int | None], args: argparse.Namespace,
                   backend: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    t0 = time.perf_counter()
    rec = dt_lib.open(url)
    result["open_empty_s"] = round(time.perf_counter() - t0, 3)
    try:
        result["import"] = _bench_import(rec)
        result["generate"] = _bench_generate(rec, args)
        result["size_mb"] = round((size_of() or 0) / 1e6, 1)
        # The synthetic rows went in through the store, behind the record's caches: query
        # them from a freshly opened record, as another process would.
        rec.close()
        t0 = time.perf_counter()
        rec = dt_lib.open(url)
        result["open_full_s"] = round(time.perf_counter() - t0, 3)
        result["latency"] = _bench_latency(rec, args, backend)
        if rec.db.dialect == "postgresql":
            # diplotrack runs ANALYZE after a bulk import_file; the synthetic rows went in
            # through the store directly, so the planner has no statistics for them yet
            # (autovacuum is off on this server). Measure again after rec.db.analyze().
            with rec.db.transaction() as conn:
                result["autovacuum"] = conn.execute(text("SHOW autovacuum")).scalar_one()
            t0 = time.perf_counter()
            rec.db.analyze()
            result["analyze_seconds"] = round(time.perf_counter() - t0, 2)
            print(f"   ANALYZE in {result['analyze_seconds']:.2f} s (autovacuum "
                  f"{result['autovacuum']}); measuring again", flush=True)
            result["latency_analyzed"] = _bench_latency(rec, args, backend + "-analyzed")
    finally:
        rec.close()
    return result


def _bench_import(rec: dt_lib.Record) -> dict[str, Any]:
    out: dict[str, Any] = {"path": str(HISTORY_STATE)}
    if not HISTORY_STATE.is_dir():
        print(f"   import skipped: no folder {HISTORY_STATE}", flush=True)
        out["skipped"] = "no data folder"
        return out
    for label in ("first", "second"):
        t0 = time.perf_counter()
        summary = rec.import_file("history-state", HISTORY_STATE)
        seconds = time.perf_counter() - t0
        out[label] = {"seconds": round(seconds, 2), "records": summary.records,
                      "added": summary.added, "updated": summary.updated,
                      "unchanged": summary.unchanged, "rejected": summary.rejected}
        print(f"   import {label}: {seconds:6.2f} s  (added {summary.added}, "
              f"unchanged {summary.unchanged}, updated {summary.updated}, "
              f"leaders added {summary.leaders_added})", flush=True)
        out[label]["leaders_added"] = summary.leaders_added
    second = out["second"]
    out["idempotent"] = not (second["added"] or second["updated"] or second["leaders_added"])
    if not out["idempotent"]:
        print("   WARNING: the second import of unchanged data changed the record", flush=True)
    return out


def _bench_generate(rec: dt_lib.Record, args: argparse.Namespace) -> dict[str, Any]:
    plan = synth.plan(args.trips, args.leaders)
    records = [p.record for p in [*plan.leaders, plan.heavy]]
    bulk = getattr(leader_store, "write_leaders", None)
    t0 = time.perf_counter()
    with rec.db.transaction() as conn:
        if bulk is not None:  # one bulk call where the store has it
            bulk(conn, records, "bench")
        else:
            for record in records:
                leader_store.upsert_leader(conn, record, "bench")
    leaders_s = time.perf_counter() - t0
    api = "write_leaders" if bulk is not None else "upsert_leader"
    print(f"   leaders: {len(records)} in {leaders_s:.2f} s ({api})", flush=True)
    single = []
    for k in range(3):  # what one more leader costs on a record this size
        extra = synth.extra_leader(k)
        t0 = time.perf_counter()
        with rec.db.transaction() as conn:
            leader_store.upsert_leader(conn, extra, "bench")
        single.append((time.perf_counter() - t0) * 1000)
    print(f"   upsert_leader of one more leader: {statistics.median(single):.0f} ms", flush=True)
    gen_s = insert_s = 0.0
    trips = stops = evidence = 0
    batches: list[float] = []
    batch_iter = synth.trip_batches(plan, args.batch)
    while True:
        t0 = time.perf_counter()
        batch = next(batch_iter, None)
        gen_s += time.perf_counter() - t0
        if batch is None:
            break
        t0 = time.perf_counter()
        with rec.db.transaction() as conn:
            counts = write_trips(conn, batch, who="bench", source="bench")
        seconds = time.perf_counter() - t0
        insert_s += seconds
        batches.append(seconds)
        assert counts.added == len(batch), counts
        trips += len(batch)
        stops += sum(len(t.stops) for t in batch)
        evidence += sum(len(s.evidence) for t in batch for s in t.stops)
        print(f"   batch {len(batches):3d}: {len(batch)} trips in {seconds:5.2f} s "
              f"({len(batch) / seconds:,.0f} trips/s)", flush=True)
    rate = trips / insert_s if insert_s else 0.0
    print(f"   wrote {trips} trips, {stops} stops, {evidence} evidence rows in "
          f"{insert_s:.1f} s: {rate:,.0f} trips/s (generation {gen_s:.1f} s)", flush=True)
    return {"leaders": len(records), "leaders_seconds": round(leaders_s, 2),
            "leaders_api": api, "upsert_one_leader_ms": round(statistics.median(single), 1),
            "trips": trips, "stops": stops, "evidence": evidence,
            "generate_seconds": round(gen_s, 2), "insert_seconds": round(insert_s, 2),
            "trips_per_second": round(rate), "batch_seconds": [round(b, 2) for b in batches],
            "heavy": plan.heavy.id, "typical": plan.typical.id,
            "typical_trips": plan.typical.trips}


def _queries(rec: dt_lib.Record, heavy: str, typical: str) -> list[tuple[str, Callable[[], Any],
                                                                           Callable[[Any], str]]]:
    watched = synth.WATCHED
    return [
        ("leader(typical)", lambda: rec.leader(typical), lambda r: r.id),
        ("top(heavy)", lambda: rec.top(heavy),
         lambda r: f"{len(r.rows)} countries, {sum(x.visits for x in r.rows)} visits"),
        ("top(typical)", lambda: rec.top(typical),
         lambda r: f"{len(r.rows)} countries, {sum(x.visits for x in r.rows)} visits"),
        (f"trips(heavy, to={watched})", lambda: rec.trips(heavy, to=watched),
         lambda r: f"{len(r.visits)} visits"),
        (f"visitors({watched})", lambda: rec.visitors(watched),
         lambda r: f"{len(r.rows)} leaders, {sum(x.visits for x in r.rows)} visits"),
        ("check(5,000-word article)", lambda: rec.check(ARTICLE, "2024-11-27"),
         lambda r: f"{len(r.claims)} claims"),
    ]


def _article(words: int = 5000) -> str:
    """A long news article: a few figures about visits among much other text."""
    paragraphs = [
        "President Vladimir Putin arrived in Astana on Wednesday for his 35th visit to "
        "Kazakhstan. Since the start of the war he has been there three times, while his host "
        "has come to Russia twelve times.",
        "Trade between the two countries reached 28 billion dollars last year, officials of the "
        "Eurasian Economic Commission said in Moscow. The Kazakh government expects 4 percent "
        "growth, and the National Bank kept its rate at 15 percent.",
        "Kassym-Jomart Tokayev, who met the Russian leader at the Akorda, said the talks covered "
        "energy, transport and the Caspian Pipeline Consortium. He has visited Belarus only "
        "twice as president.",
        "Analysts at the Carnegie Endowment and at Chatham House noted that Putin has travelled "
        "abroad less often since the International Criminal Court issued its warrant in March "
        "2023, and that Central Asia remains his most frequent destination.",
        "Путин прибыл в Астану в среду. Это его тридцать пятый визит в Казахстан, а с начала "
        "войны он побывал там трижды. Товарооборот вырос в три раза за десять лет.",
    ]
    text: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            text.append(paragraph)
            count += len(paragraph.split())
    return "\n\n".join(text)


ARTICLE = _article()


def _bench_latency(rec: dt_lib.Record, args: argparse.Namespace,
                   backend: str) -> dict[str, Any]:
    heavy, typical = synth.HEAVY_ID, synth.plan(args.trips, args.leaders).typical.id
    out: dict[str, Any] = {}
    for name, call, describe in _queries(rec, heavy, typical):
        shape = describe(call())  # warm-up, not timed
        samples, cpu = [], []
        for _ in range(args.repeats):
            c0, t0 = time.process_time(), time.perf_counter()
            call()
            samples.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        out[name] = {"p50_ms": round(_pct(samples, 50), 1), "p95_ms": round(_pct(samples, 95), 1),
                     "max_ms": round(max(samples), 1),
                     "mean_ms": round(statistics.fmean(samples), 1),
                     "client_cpu_p50_ms": round(_pct(cpu, 50), 1),
                     "n": len(samples), "result": shape}
        got = out[name]
        print(f"   {name:24s} p50 {got['p50_ms']:8.1f} ms  p95 {got['p95_ms']:8.1f} ms  "
              f"max {got['max_ms']:8.1f} ms  (client cpu p50 {got['client_cpu_p50_ms']:.0f} ms)"
              f"  [{shape}]", flush=True)
        if args.profile:
            _profile(call, backend, name)
    return out


def _pct(samples: list[float], pct: int) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    rank = max(1, -(-pct * len(ordered) // 100))
    return ordered[rank - 1]


def _profile(call: Callable[[], Any], backend: str, name: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    call()
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"profile-{backend}-{safe}.txt").write_text(buffer.getvalue(), encoding="utf-8")


def _table(report: dict[str, Any]) -> str:
    done = {k: v for k, v in report["backends"].items() if "skipped" not in v}
    if not done:
        return "no backend ran"
    names = list(done)
    rows: list[list[str]] = [["", *names]]

    def row(label: str, get: Callable[[dict[str, Any]], str]) -> None:
        cells = []
        for b in names:
            try:
                cells.append(get(done[b]))
            except (KeyError, TypeError):
                cells.append("-")
        rows.append([label, *cells])

    row("open empty record", lambda r: f"{r['open_empty_s']:.2f} s")
    row("open filled record", lambda r: f"{r['open_full_s']:.2f} s")
    row("history-state import, 1st", lambda r: f"{r['import']['first']['seconds']:.2f} s")
    row("history-state import, 2nd", lambda r: f"{r['import']['second']['seconds']:.2f} s")
    row("2nd import left record as is", lambda r: "yes" if r["import"]["idempotent"] else
        f"NO: {r['import']['second']['updated']} upd., "
        f"+{r['import']['second']['leaders_added']} leaders")
    row("synthetic leaders written", lambda r: f"{r['generate']['leaders']} in "
        f"{r['generate']['leaders_seconds']:.2f} s")
    row("upsert_leader, one more", lambda r: f"{r['generate']['upsert_one_leader_ms']:.0f} ms")
    row("synthetic trips written", lambda r: f"{r['generate']['trips']:,} in "
        f"{r['generate']['insert_seconds']:.1f} s")
    row("insert rate", lambda r: f"{r['generate']['trips_per_second']:,} trips/s")
    row("database size", lambda r: f"{r['size_mb']:.0f} MB")
    parts = [_grid(rows)]

    columns = [(f"{b}", r["latency"]) for b, r in done.items() if "latency" in r]
    columns += [(f"{b} +ANALYZE", r["latency_analyzed"]) for b, r in done.items()
                if "latency_analyzed" in r]
    if columns:
        n = report["settings"]["repeats"]
        lat: list[list[str]] = [[f"latency, ms p50/p95/max ({n} calls)",
                                 *(c for c, _ in columns)]]
        for query in columns[0][1]:
            lat.append([query, *("{p50_ms:.0f} / {p95_ms:.0f} / {max_ms:.0f}".format(**col[query])
                                 for _, col in columns)])
        parts.append(_grid(lat))
    return "\n\n".join(parts)


def _grid(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
