"""Reading one article for ingest: load it (file, inline text or fetched page), make it an
Article, skip it when its text was read before, extract its trips.

A reader never raises: whatever arrives (empty, binary, huge, broken HTML, a page that
cannot be fetched) becomes an :class:`Outcome` with a one-line problem. In a pool, each
worker process opens its own record once (:func:`open_worker`) and reads items with
:func:`read_in_worker`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from diplotrack.errors import DiplotrackError, InputError
from diplotrack.news.article import article
from diplotrack.news.feeds import fetch_bytes
from diplotrack.news.inputs import Item
from diplotrack.news.queue import ReadArticle
from diplotrack.store import schema

if TYPE_CHECKING:
    from diplotrack.record import Record
    from diplotrack.settings import Settings


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int
    fetch: bool = True


@dataclass(frozen=True, slots=True)
class Outcome:
    """What reading one item gave: an article with its trips, or why there is none."""

    origin: str
    article: ReadArticle | None = None
    problem: str | None = None
    seen: bool = False  # its text was read before
    empty: bool = False  # it has no text


class Reader:
    """Reads items against one record."""

    def __init__(self, record: Record, options: ReadOptions) -> None:
        self.record = record
        self.options = options

    def __call__(self, item: Item) -> Outcome:
        try:
            return self._read(item)
        except DiplotrackError as exc:
            return Outcome(item.origin, problem=_named(item.origin, str(exc)))
        except Exception as exc:  # one bad article must never stop a run
            reason = f"could not be read ({type(exc).__name__}: {exc})"
            return Outcome(item.origin, problem=_named(item.origin, reason))

    def _read(self, item: Item) -> Outcome:
        raw = self._raw(item)
        size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "replace"))
        if size > self.options.max_bytes:
            mb = self.options.max_bytes / 1024 / 1024
            raise InputError(
                f"{size / 1024 / 1024:.1f} MB, larger than the {mb:g} MB an article may be "
                "(--max-mb); not read"
            )
        found = article(
            raw, published=item.published, url=item.url, title=item.title, language=item.language
        )
        if not found.text.strip():
            return Outcome(item.origin, problem=f"{item.origin}: no text", empty=True)
        if self._seen(found.digest):
            return Outcome(item.origin, seen=True)
        trips = self.record.extract(found.text, found.published, found.language, found.url)
        read = ReadArticle(
            found.digest,
            found.url,
            found.published,
            found.title,
            found.language,
            len(found.text),
            tuple(trips),
        )
        return Outcome(item.origin, read)

    def _raw(self, item: Item) -> str | bytes:
        if item.path is not None:
            try:
                return Path(item.path).read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read ({exc.strerror or exc})") from exc
        if item.fetch is not None and self.options.fetch:
            try:
                timeout = self.record.settings.http_timeout
                return fetch_bytes(item.fetch, timeout=timeout, limit=self.options.max_bytes)
            except InputError:
                if not item.text:
                    raise
        return item.text or ""

    def _seen(self, digest: str) -> bool:
        with self.record.db.reading() as conn:
            query = select(schema.articles.c.id).where(schema.articles.c.id == digest)
            return conn.execute(query).first() is not None


def _named(origin: str, message: str) -> str:
    return message if message.startswith(origin) else f"{origin}: {message}"


# A worker process's own reader (its record opened once, in :func:`open_worker`).
_WORKER: dict[str, Reader] = {}


def open_worker(settings: Settings, options: ReadOptions) -> None:
    """Pool initializer: open this worker's record."""
    from diplotrack.record import Record

    _WORKER["reader"] = Reader(Record(settings=settings), options)


def read_in_worker(item: Item) -> Outcome:
    return _WORKER["reader"](item)
