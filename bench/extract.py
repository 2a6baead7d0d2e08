"""Extraction throughput on a generated news corpus, beside spaCy's blank English tokenizer.

    python bench/extract.py [--mb 50] [--workers N] [--profile] [--no-spacy]

Generates at least ``--mb`` MiB of synthetic articles (bench/news_corpus.py; English and
Russian, about one in ten reporting a trip), then times, in one run:

1. ``Record.extract`` on every article in this process (one core);
2. the same on every core: a process pool in which each worker opens its own record, as
   ``diplotrack ingest`` does (start-up is timed apart);
3. ``spacy.blank("en").tokenizer.pipe`` over the same texts, when spaCy is installed (the
   ``bench`` extra).

Prints a table and writes bench/results/extract.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import multiprocessing
import os
import platform
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import news_corpus

import diplotrack as dt_lib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
TASK = 32  # articles sent to a worker at a time
Article = tuple[str, str, str]  # text, published, language


@dataclass
class Timing:
    """Wall time, and the CPU time of the processes that did the work (steadier on a
    shared machine: rates are given for both)."""

    label: str
    seconds: float
    cpu_seconds: float
    articles: int
    megabytes: float
    extra: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "mb_per_s": _rate(self.megabytes, self.seconds, 3),
            "articles_per_s": _rate(self.articles, self.seconds, 1),
            "mb_per_cpu_s": _rate(self.megabytes, self.cpu_seconds, 3),
            "articles_per_cpu_s": _rate(self.articles, self.cpu_seconds, 1),
            **self.extra,
        }


def _rate(amount: float, seconds: float, digits: int) -> float | None:
    return round(amount / seconds, digits) if seconds else None


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    report: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
        },
        "commit": _commit(),
    }
    corpus, facts = _corpus(args.mb, args.seed)
    report["corpus"] = {k: v for k, v in facts.items() if k != "trips"}
    _say(
        f"corpus: {facts['articles']:,} articles, {facts['megabytes']:.1f} MiB, "
        f"{facts['trip_articles']:,} reporting a trip ({facts['seconds']:.1f} s to generate)"
    )
    with tempfile.TemporaryDirectory(prefix="diplotrack-bench-") as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        dt_lib.open(db, user="bench").close()  # the registry, loaded once
        timings = [_one_core(db, corpus, facts)]
        workers = args.workers or os.cpu_count() or 1
        if workers > 1:
            timings.append(_all_cores(db, corpus, facts, workers))
        if args.profile:
            report["profile"] = _profile(db, corpus, args.profile_mb)
    spacy_timing = None if args.no_spacy else _spacy(corpus, facts)
    if spacy_timing is not None:
        timings.append(spacy_timing)
    report["timings"] = {t.label: t.as_dict() for t in timings}
    report["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    if spacy_timing is not None:
        report["extraction_vs_tokenizer"] = {
            "wall": round(timings[0].seconds / spacy_timing.seconds, 2),
            "cpu": round(timings[0].cpu_seconds / spacy_timing.cpu_seconds, 2),
        }
    _print(report, timings)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "extract.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    _say(f"written: {RESULTS / 'extract.json'}")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MiB (50)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus seed (2024)")
    parser.add_argument("--workers", type=int, default=None, help="processes (every core)")
    parser.add_argument("--no-spacy", action="store_true", help="skip the tokenizer")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one core on a sample of the corpus"
    )
    parser.add_argument("--profile-mb", type=float, default=2.0, help="sample size (2 MiB)")
    return parser.parse_args(argv)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _corpus(megabytes: float, seed: int) -> tuple[list[Article], dict[str, Any]]:
    """The articles, and facts about them (``trips``: which report one, for scoring)."""
    began = time.perf_counter()
    found = list(news_corpus.articles(megabytes, seed))
    size = sum(len(a.text.encode("utf-8")) for a in found)
    facts = {
        "articles": len(found),
        "megabytes": size / 1024 / 1024,
        "trip_articles": sum(a.reports_trip for a in found),
        "russian": sum(a.language == "ru" for a in found),
        "seconds": time.perf_counter() - began,
        "seed": seed,
    }
    truth = {"trips": [a.reports_trip for a in found]}
    return [(a.text, a.published, a.language) for a in found], facts | truth


def _found(trips: Sequence[int], facts: dict[str, Any]) -> dict[str, Any]:
    """Trips found, and how they fall on the articles written with and without one."""
    truth: list[bool] = facts["trips"]
    return {
        "trips_found": sum(trips),
        "trip_articles_with_a_trip": sum(1 for n, t in zip(trips, truth, strict=True) if n and t),
        "other_articles_with_a_trip": sum(
            1 for n, t in zip(trips, truth, strict=True) if n and not t
        ),
    }


def _one_core(db: str, corpus: list[Article], facts: dict[str, Any]) -> Timing:
    _say("extracting on one core …")
    with dt_lib.open(db, user="bench") as rec:
        rec.extract("Vladimir Putin arrived in Astana.", "2024-01-01")  # warm the caches
        began, cpu = time.perf_counter(), time.process_time()
        trips = [len(rec.extract(text, day, lang)) for text, day, lang in corpus]
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    extra = {"workers": 1} | _found(trips, facts)
    return Timing("extract, 1 core", seconds, cpu, len(corpus), facts["megabytes"], extra)


# -- every core ---------------------------------------------------------------------------

_WORKER: dict[str, dt_lib.Record] = {}


def _open(db: str) -> None:
    _WORKER["record"] = dt_lib.open(db, user="bench")
    _WORKER["record"].extract("Vladimir Putin arrived in Astana.", "2024-01-01")


def _extract(chunk: list[Article]) -> tuple[list[int], float]:
    """Trips found in each article, and the CPU seconds this worker spent on them."""
    rec = _WORKER["record"]
    cpu = time.process_time()
    found = [len(rec.extract(text, day, lang)) for text, day, lang in chunk]
    return found, time.process_time() - cpu


def _all_cores(db: str, corpus: list[Article], facts: dict[str, Any], workers: int) -> Timing:
    _say(f"extracting on {workers} processes …")
    context = multiprocessing.get_context("spawn")
    began = time.perf_counter()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_open, initargs=(db,)
    ) as pool:
        list(pool.map(_extract, [[corpus[0]]] * (workers * 2)))  # every worker started
        startup = time.perf_counter() - began
        began = time.perf_counter()
        chunks = [corpus[i : i + TASK] for i in range(0, len(corpus), TASK)]
        parts = list(pool.map(_extract, chunks))
        seconds = time.perf_counter() - began
    trips = [n for found, _ in parts for n in found]
    cpu = sum(spent for _, spent in parts)
    extra = {"workers": workers, "startup_seconds": round(startup, 2)} | _found(trips, facts)
    label = f"extract, {workers} processes"
    return Timing(label, seconds, cpu, len(corpus), facts["megabytes"], extra)


# -- the tokenizer and the profile ----------------------------------------------------------


def _spacy(corpus: list[Article], facts: dict[str, Any]) -> Timing | None:
    try:
        import spacy
    except ImportError:
        _say("spaCy is not installed (pip install 'diplotrack[bench]'): tokenizer not timed")
        return None
    _say("tokenizing with spacy.blank('en') …")
    tokenizer: Any = spacy.blank("en").tokenizer
    began, cpu = time.perf_counter(), time.process_time()
    tokens = 0
    for doc in tokenizer.pipe((t for t, _, _ in corpus), batch_size=256):
        tokens += len(doc)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    extra = {"tokens": tokens, "spacy": getattr(spacy, "__version__", "?")}
    label = "spaCy blank('en') tokenizer, 1 core"
    return Timing(label, seconds, cpu, len(corpus), facts["megabytes"], extra)


def _profile(db: str, corpus: list[Article], megabytes: float) -> dict[str, Any]:
    """cProfile of one core on the first ``megabytes`` of the corpus; the full listing goes
    to bench/results/extract-profile.txt."""
    sample: list[Article] = []
    size = 0
    for article in corpus:
        if size >= megabytes * 1024 * 1024:
            break
        sample.append(article)
        size += len(article[0].encode("utf-8"))
    _say(f"profiling one core on {len(sample):,} articles …")
    with dt_lib.open(db, user="bench") as rec:
        rec.extract("Vladimir Putin arrived in Astana.", "2024-01-01")
        profiler = cProfile.Profile()
        profiler.enable()
        for text, day, lang in sample:
            rec.extract(text, day, lang)
        profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "extract-profile.txt").write_text(buffer.getvalue(), encoding="utf-8")
    return {"articles": len(sample), "file": "bench/results/extract-profile.txt"}


# -- output -------------------------------------------------------------------------------


def _print(report: dict[str, Any], timings: list[Timing]) -> None:
    corpus = report["corpus"]
    print(
        f"\ncorpus: {corpus['articles']:,} articles ({corpus['russian']:,} Russian), "
        f"{corpus['megabytes']:.1f} MiB, {corpus['trip_articles']:,} reporting a trip"
    )
    header = (
        f"{'':38} {'wall s':>8} {'MiB/s':>7} {'art./s':>7} {'CPU s':>8} {'MiB/CPU s':>9} "
        f"{'art./CPU s':>10}  trips found"
    )
    print(header)
    print("-" * len(header))
    for t in timings:
        row = t.as_dict()
        found = t.extra.get("trips_found")
        note = (
            f"{found:,} ({t.extra['trip_articles_with_a_trip']:,} of the trip articles, "
            f"{t.extra['other_articles_with_a_trip']:,} others)"
            if found is not None
            else f"{t.extra.get('tokens', 0):,} tokens"
        )
        print(
            f"{t.label:38} {row['seconds']:>8.1f} {row['mb_per_s']:>7.3f} "
            f"{row['articles_per_s']:>7.1f} {row['cpu_seconds']:>8.1f} "
            f"{row['mb_per_cpu_s']:>9.3f} {row['articles_per_cpu_s']:>10.1f}  {note}"
        )
    ratio = report.get("extraction_vs_tokenizer")
    if ratio is not None:
        verdict = "within" if ratio["cpu"] <= 2 else "over"
        print(
            f"\nextraction (1 core) / tokenizer: {ratio['cpu']:.1f}× in CPU time, "
            f"{ratio['wall']:.1f}× in wall time ({verdict} the 2× aim)"
        )
    load = report["machine"]
    start, end = load["load_average_start"], load["load_average_end"]
    print(f"load average: {start} at the start, {end} at the end")


def _commit() -> str | None:
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


if __name__ == "__main__":
    sys.exit(main())
