"""diplotrack web benchmark: requests per second and latency of /api/top and the leader page
under a local load generator, on SQLite and PostgreSQL.

    python bench/web.py [--backend sqlite|postgresql|both] [--clients 1,8] [--seconds 6]

Each backend gets a record (the Office of the Historian data when ../shared/data has it, plus
a synthetic record with one heavy leader, as bench/run.py makes), served by a real
``diplotrack serve`` (uvicorn, one process) started as a subprocess, with the rate limit off.
N clients (asyncio + httpx, one keep-alive connection each) send requests back to back for
a fixed time; one client gives the latency of a lone request, several the throughput.
See bench/README.md; figures also go to bench/results/web-latest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import httpx
import synth
from run import HISTORY_STATE, RESULTS, _commit, _database, _Unavailable

import diplotrack as dt_lib
from diplotrack.store import leaders as leader_store
from diplotrack.store.trips import write_trips

TYPICAL = "barack-obama"  # from the Office of the Historian data
SLOW_MS = 2000  # a target this slow with one client is not run with more


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    report: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_start": [round(x, 2) for x in os.getloadavg()]},
        "commit": _commit(),
        "settings": {"clients": args.clients, "seconds": args.seconds, "trips": args.trips},
        "backends": {},
    }
    for backend in backends:
        print(f"== {backend}", flush=True)
        try:
            with _database(backend) as (url, _size):
                report["backends"][backend] = _bench_backend(url, args)
        except _Unavailable as exc:
            print(f"   skipped: {exc}", flush=True)
            report["backends"][backend] = {"skipped": str(exc)}
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "web-latest.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(report))
    print(f"\nfigures in bench/results/{out.name}")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--clients", type=_counts, default=[1, 8],
                        help="concurrent clients, one run per number (default 1,8)")
    parser.add_argument("--seconds", type=float, default=6.0, help="measured time per run")
    parser.add_argument("--warmup", type=float, default=1.5, help="unmeasured time first")
    parser.add_argument("--trips", type=int, default=20_000,
                        help="synthetic trips over 500 leaders, plus the heavy leader's 3,000")
    return parser.parse_args(argv)


def _counts(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",") if part.strip()]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("give client counts of at least 1, as 1,8")
    return counts


# -- the record ------------------------------------------------------------------------


def _fill(url: str, n_trips: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    with dt_lib.open(url) as rec:
        if HISTORY_STATE.is_dir():
            rec.import_file("history-state", HISTORY_STATE)
        plan = synth.plan(n_trips, 500)
        with rec.db.transaction() as conn:
            leader_store.write_leaders(conn, [p.record for p in [*plan.leaders, plan.heavy]],
                                       "bench")
        for batch in synth.trip_batches(plan, 20_000):
            with rec.db.transaction() as conn:
                write_trips(conn, batch, who="bench", source="bench")
        rec.db.analyze()
        trips = plan.total_trips
    seconds = time.perf_counter() - t0
    print(f"   record: Office of the Historian {'+' if HISTORY_STATE.is_dir() else 'absent;'} "
          f"{trips:,} synthetic trips in {seconds:.1f} s", flush=True)
    return {"synthetic_trips": trips, "history_state": HISTORY_STATE.is_dir(),
            "seconds": round(seconds, 1)}


# -- the server ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def _server(url: str) -> Iterator[str]:
    """``diplotrack serve`` on a free port, the rate limit off; yields its base URL."""
    port = _free_port()
    env = os.environ | {"DIPLOTRACK_RATE_LIMIT": "0", "DIPLOTRACK_DB": url}
    command = [sys.executable, "-c", "from diplotrack.cli import main; main()",
               "serve", "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_up(base, process, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
            _show_errors(log)


def _show_errors(log: IO[bytes]) -> None:
    """The server's own error lines (tracebacks), if any."""
    log.seek(0)
    lines = log.read().decode(errors="replace").splitlines()
    shown = [line for line in lines if "Error" in line or "Traceback" in line]
    for line in shown[:10]:
        print(f"   server: {line}", flush=True)


def _wait_up(base: str, process: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped: {log.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not answer within 120 s")


# -- the load --------------------------------------------------------------------------


async def _load(base: str, path: str, clients: int, warmup: float, seconds: float
                ) -> dict[str, Any]:
    """``clients`` workers sending ``path`` back to back; the latencies of the requests
    started after the warm-up, over ``seconds`` and at least ``clients`` requests (a slow
    target runs longer rather than measure nothing)."""
    latencies: list[float] = []
    failures: list[int] = []
    started = time.perf_counter()
    measure_from = started + warmup
    stop = measure_from + seconds

    def going(now: float) -> bool:
        return now < stop or len(latencies) < clients

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=300) as client:
            while going(now := time.perf_counter()):
                try:
                    status = (await client.get(path)).status_code
                except httpx.HTTPError:  # a dropped connection counts as an error (0)
                    status = 0
                done = time.perf_counter()
                if now >= measure_from:
                    latencies.append(done - now)
                    if status != 200:
                        failures.append(status)

    await asyncio.gather(*(worker() for _ in range(clients)))
    elapsed = time.perf_counter() - measure_from
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "errors": len(failures),
        "error_statuses": sorted(set(failures)),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(_rank(ordered, 0.50) * 1000, 1),
        "p99_ms": round(_rank(ordered, 0.99) * 1000, 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1) if ordered else None,
    }


def _rank(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def _targets(base: str) -> dict[str, str]:
    """What to load: /api/top for a typical and the heavy leader, and their leader pages
    when the server has them."""
    targets = {
        "api_top_typical": f"/api/top?leader={TYPICAL}",
        "api_top_heavy": f"/api/top?leader={synth.HEAVY_ID}",
    }
    for label, leader in (("page_typical", TYPICAL), ("page_heavy", synth.HEAVY_ID)):
        path = f"/leader/{leader}"
        status = httpx.get(base + path, timeout=120).status_code
        if status == 200:
            targets[label] = path
        else:
            print(f"   {path} answers {status}: leader page not benched", flush=True)
    return targets


def _bench_backend(url: str, args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"record": _fill(url, args.trips), "targets": {}}
    with _server(url) as base:
        for label, path in _targets(base).items():
            runs = result["targets"][label] = {"path": path}
            for clients in sorted(args.clients):
                figures = asyncio.run(_load(base, path, clients, args.warmup, args.seconds))
                runs[str(clients)] = figures
                print(f"   {label:16} {clients:3d} clients {figures['rps']:8.1f} req/s   "
                      f"p50 {figures['p50_ms']:8.1f} ms   p99 {figures['p99_ms']:8.1f} ms   "
                      f"errors {figures['errors']}", flush=True)
                if figures["p50_ms"] > SLOW_MS and clients != max(args.clients):
                    print(f"   {label:16} one request takes over {SLOW_MS / 1000:g} s: "
                          "more clients would only queue; skipped", flush=True)
                    break
    return result


def _table(report: dict[str, Any]) -> str:
    lines = [f"{'backend':11} {'target':16} {'clients':>7} {'req/s':>8} {'p50 ms':>9} "
             f"{'p99 ms':>9} {'errors':>6}"]
    for backend, result in report["backends"].items():
        if "skipped" in result:
            lines.append(f"{backend:11} skipped: {result['skipped']}")
            continue
        for label, runs in result["targets"].items():
            for clients, f in runs.items():
                if clients == "path":
                    continue
                lines.append(f"{backend:11} {label:16} {clients:>7} {f['rps']:8.1f} "
                             f"{f['p50_ms']:9.1f} {f['p99_ms']:9.1f} {f['errors']:6d}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
