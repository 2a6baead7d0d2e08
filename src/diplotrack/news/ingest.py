"""``diplotrack ingest``: articles read from files, folders, JSONL and feeds, their trips
extracted in parallel and written to the review queue in batches.

The main process finds the items (news/inputs.py, news/feeds.py), drops those whose URL
was read before, and hands each batch to the readers; while the readers extract the next
batch, it writes the last one in one transaction (news/queue.py), in input order, so that
any number of workers gives the same queue. A reader (news/reading.py) opens its own
record in each worker process (``--workers 1`` reads in the main process), skips texts
read before (by content digest) and calls ``Record.extract``.

With ``accept_above``, each candidate the batch wrote whose confidence is at least that is
accepted in the same transaction, logged as an automatic acceptance.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from diplotrack.dates import parse_day
from diplotrack.errors import DiplotrackError, InputError
from diplotrack.news import queue, review
from diplotrack.news.feeds import fetch_bytes, parse_feed
from diplotrack.news.inputs import (
    Found,
    Item,
    Problem,
    file_item,
    files_in,
    jsonl_items,
    kind_of,
    looks_like_feed,
)
from diplotrack.news.reading import Outcome, Reader, ReadOptions, open_worker, read_in_worker
from diplotrack.store import schema

if TYPE_CHECKING:
    from diplotrack.record import Record

BATCH = 200
MAX_MB = 8.0
Progress = Callable[[int, int | None], None]


def _no_progress(_done: int, _total: int | None) -> None:
    return None


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest: parallelism, defaults and the automatic acceptance threshold."""

    workers: int | None = None  # None: every core
    accept_above: float | None = None
    published_default: str | None = None
    fetch: bool = True
    batch: int = BATCH
    max_mb: float = MAX_MB

    def check(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise InputError(f"--workers {self.workers}: give at least 1")
        if self.accept_above is not None and not 0 <= self.accept_above <= 1:
            raise InputError(f"--accept-above {self.accept_above}: give a confidence 0..1")
        if self.batch < 1:
            raise InputError(f"--batch {self.batch}: give at least 1")
        if self.max_mb <= 0:
            raise InputError(f"--max-mb {self.max_mb}: give a positive size")
        if self.published_default is not None:
            parse_day(self.published_default)


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did."""

    inputs: int = 0  # articles found in the inputs
    read: int = 0  # new articles read and written
    seen: int = 0  # skipped: read before (same URL or same text)
    empty: int = 0  # no text to read
    trips: int = 0  # trips found in the new articles
    candidates_new: int = 0
    candidates_merged: int = 0  # trips that joined a candidate already pending
    matched: int = 0  # candidates that are a trip already in the record
    accepted: int = 0  # accepted automatically (--accept-above)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    workers: int = 1
    seconds: float = 0.0
    matched_ids: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "read": self.read,
            "seen": self.seen,
            "empty": self.empty,
            "trips": self.trips,
            "candidates_new": self.candidates_new,
            "candidates_merged": self.candidates_merged,
            "matched": self.matched,
            "accepted": self.accepted,
            "errors": self.errors,
            "notes": self.notes,
            "workers": self.workers,
            "seconds": round(self.seconds, 2),
        }


def ingest(
    record: Record,
    paths: Sequence[str],
    options: IngestOptions,
    progress: Progress = _no_progress,
) -> IngestSummary:
    """Read every article in ``paths`` into the review queue (see the module's notes)."""
    options.check()
    began = time.perf_counter()
    summary = IngestSummary()
    timeout = record.settings.http_timeout
    found = list(_found(paths, options, timeout))
    items = [f for f in found if isinstance(f, Item)]
    summary.errors.extend(str(f) for f in found if isinstance(f, Problem))
    summary.inputs = len(items)
    workers = _workers(options, record, len(items))
    summary.workers = workers
    read = ReadOptions(int(options.max_mb * 1024 * 1024), options.fetch)
    with Readers(record, workers, read) as run:
        _pipeline(record, items, options, run, summary, progress)
    summary.matched = len(summary.matched_ids)
    summary.seconds = time.perf_counter() - began
    return summary


# -- finding the articles ---------------------------------------------------------------


def _found(paths: Sequence[str], options: IngestOptions, timeout: float) -> Iterator[Found]:
    default = options.published_default
    for entry in files_in(paths):
        if isinstance(entry, Problem):
            yield entry
        elif entry == "-":
            yield from jsonl_items(iter(sys.stdin.buffer), "<stdin>", default)
        elif isinstance(entry, str):
            yield from _url(entry, options, timeout)
        else:
            yield from _file(entry, options)


def _file(path: Path, options: IngestOptions) -> Iterator[Found]:
    default = options.published_default
    try:
        kind = kind_of(path)
        if kind == "jsonl":
            with path.open("rb") as handle:
                yield from jsonl_items(handle, str(path), default)
        elif kind == "feed":
            data = path.read_bytes()
            yield from parse_feed(data, str(path), fetch=options.fetch, published_default=default)
        else:
            yield file_item(path, default)
    except OSError as exc:
        yield Problem(str(path), f"cannot read ({exc.strerror or exc})")


def _url(url: str, options: IngestOptions, timeout: float) -> Iterator[Found]:
    """A feed at a URL gives its entries; any other page is one article."""
    try:
        data = fetch_bytes(url, timeout=timeout, limit=int(options.max_mb * 1024 * 1024))
    except InputError as exc:
        yield Problem(url, str(exc).removeprefix(f"{url}: "))
        return
    if looks_like_feed(data[:2048]):
        default = options.published_default
        yield from parse_feed(data, url, fetch=options.fetch, published_default=default)
    else:
        text = data.decode("utf-8", errors="replace")
        yield Item(url, url=url, published=options.published_default, text=text)


# -- reading in parallel, writing in batches --------------------------------------------


def _workers(options: IngestOptions, record: Record, items: int) -> int:
    """Processes to read with: as asked (default every core), never more than items, and
    one for an in-memory database (other processes cannot open it)."""
    wanted = options.workers or os.cpu_count() or 1
    if record.db.url in ("sqlite://", "sqlite:///:memory:"):
        return 1
    return max(1, min(wanted, items))


Pending = Sequence[Future[Outcome]] | list[Outcome]
RunBatch = Callable[[list[Item]], Pending]


class Readers:
    """The readers, as a function from a batch to its outcomes in order: in this process
    for one worker, else a pool of processes that each open the record."""

    def __init__(self, record: Record, workers: int, options: ReadOptions) -> None:
        self.record, self.workers, self.options = record, workers, options
        self.pool: Executor | None = None

    def __enter__(self) -> RunBatch:
        if self.workers == 1:
            reader = Reader(self.record, self.options)
            return lambda batch: [reader(item) for item in batch]
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=open_worker,
            initargs=(self.record.settings, self.options),
        )
        pool = self.pool
        return lambda batch: [pool.submit(read_in_worker, item) for item in batch]

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _batches(items: Sequence[Item], size: int) -> Iterator[list[Item]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _pipeline(
    record: Record,
    items: Sequence[Item],
    options: IngestOptions,
    run: RunBatch,
    summary: IngestSummary,
    progress: Progress,
) -> None:
    """Hand out batch k+1 before writing batch k, so that reading and writing overlap."""
    done = 0
    waiting: deque[Pending] = deque()
    for batch in _batches(items, options.batch):
        fresh = _unseen(record, batch, summary)
        done += len(batch) - len(fresh)
        waiting.append(run(fresh))
        if len(waiting) > 1:
            done = _write(record, waiting.popleft(), options, summary, progress, done)
    while waiting:
        done = _write(record, waiting.popleft(), options, summary, progress, done)
    progress(done, len(items))


def _unseen(record: Record, batch: list[Item], summary: IngestSummary) -> list[Item]:
    """The batch without the items whose URL was read before (nothing is fetched for them)."""
    with record.db.reading() as conn:
        known = queue.seen_urls(conn, [i.url for i in batch if i.url])
    fresh = [i for i in batch if i.url is None or i.url not in known]
    summary.seen += len(batch) - len(fresh)
    return fresh


def _outcomes(pending: Iterable[Future[Outcome] | Outcome]) -> Iterator[Outcome]:
    for entry in pending:
        yield entry if isinstance(entry, Outcome) else entry.result()


def _write(
    record: Record,
    pending: Pending,
    options: IngestOptions,
    summary: IngestSummary,
    progress: Progress,
    done: int,
) -> int:
    articles = []
    for outcome in _outcomes(pending):
        done += 1
        progress(done, summary.inputs)
        if outcome.problem is not None:
            (summary.notes if outcome.empty else summary.errors).append(outcome.problem)
        summary.empty += outcome.empty
        summary.seen += outcome.seen
        if outcome.article is not None:
            articles.append(outcome.article)
    if articles:
        with record.db.transaction() as conn:
            counts = queue.write_batch(conn, articles)
            accepted = _auto_accept(conn, counts.touched, options.accept_above, record)
        _count(summary, counts, accepted)
    return done


def _count(summary: IngestSummary, counts: queue.BatchCounts, accepted: int) -> None:
    summary.read += counts.articles
    summary.seen += counts.seen
    summary.trips += counts.trips
    summary.candidates_new += len(counts.created)
    summary.candidates_merged += counts.merged
    summary.matched_ids |= counts.matched
    summary.accepted += accepted


def _auto_accept(
    conn: Connection, touched: Sequence[str], threshold: float | None, record: Record
) -> int:
    """Accept the batch's pending candidates at or above ``threshold`` (whose visitor is
    a known leader); those whose values cannot enter the record stay pending."""
    if threshold is None or not touched:
        return 0
    c = schema.candidates.c
    rows = conn.execute(
        select(c.id).where(
            c.id.in_(list(touched)),
            c.state == "pending",
            c.leader_id.is_not(None),
            c.confidence >= threshold,
        )
    )
    why = f"accepted on ingest: confidence at or above {threshold}"
    accepted = 0
    for (candidate_id,) in rows.all():
        try:
            review.accept(
                conn, candidate_id, who=record.settings.user, why=why, version=None, auto=threshold
            )
        except DiplotrackError:
            continue
        accepted += 1
    return accepted
