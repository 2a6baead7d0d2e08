"""What ``diplotrack ingest`` reads: files (plain text or HTML), folders of them (recursive),
JSONL of articles and RSS/Atom feeds (files or URLs), turned into items to read.

An item says where an article is (a file, inline text, a page to fetch) and what is known
of it (URL, publication date, title, language). Nothing is extracted here; a bad line or
file becomes a :class:`Problem` naming ``file:line:field``.

JSONL: one object a line, ``{"url", "published", "title", "text"}`` (``text`` required;
``language`` optional: en, ru or auto). A labelled corpus (``diplotrack eval``) reads too.
"""

from __future__ import annotations

import email.utils
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from diplotrack.dates import DateError, parse_day
from diplotrack.errors import InputError

JSONL = (".jsonl", ".ndjson")
FEEDS = (".rss", ".atom", ".rdf", ".xml")
ARTICLES = (".txt", ".text", ".htm", ".html", ".xhtml", ".md")
LANGUAGES = ("en", "ru", "auto")


@dataclass(frozen=True, slots=True)
class Item:
    """One article to read: where it is and what is known of it."""

    origin: str  # where it came from, for messages: a path, path:line, or a feed's link
    url: str | None = None
    published: str | None = None
    title: str | None = None
    language: str = "auto"
    text: str | None = None  # given inline (JSONL, a feed entry's content)
    path: str | None = None  # a file to read
    fetch: str | None = None  # a page to fetch (a feed entry's link); ``text`` if that fails


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that cannot be read, named ``file:line:field``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Found = Item | Problem


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def published_date(value: object) -> str:
    """An ISO date from what sources give: ``2024-11-27``, an ISO date-time, or an
    RFC 822 date as RSS writes it; InputError otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise InputError("not a date")
    text = value.strip()
    try:
        return parse_day(text[:10]).isoformat() if text[:4].isdigit() else _rfc822(text)
    except DateError as exc:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _rfc822(text: str) -> str:
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError) as exc:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD or RFC 822)") from exc


def files_in(paths: Sequence[str]) -> Iterator[Path | str | Problem]:
    """Each path given, with folders walked (in name order, hidden entries skipped, only
    article, JSONL and feed files kept); URLs and ``-`` pass through."""
    for given in paths:
        if given == "-" or is_url(given):
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield Problem(given, "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    wanted = (*ARTICLES, *JSONL, *FEEDS)
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(wanted):
                yield Path(root) / name


def kind_of(path: Path) -> str:
    """``jsonl`` by the name; else ``feed`` when it starts as an RSS or Atom feed does,
    else ``article``."""
    if path.name.lower().endswith(JSONL):
        return "jsonl"
    return "feed" if looks_like_feed(_head(path)) else "article"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(2048)
    except OSError:
        return b""


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a document are an RSS or Atom feed's."""
    sample = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    roots = (b"<rss", b"<feed", b"<rdf:rdf")
    if sample.startswith(b"<?xml"):
        return any(root in sample for root in roots)
    return sample.startswith(roots)


def jsonl_items(
    lines: Iterator[bytes], where: str, published_default: str | None
) -> Iterator[Found]:
    """The articles of a JSONL stream, or a problem per bad line."""
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Problem(f"{where}:{n}", "not UTF-8 text")
            continue
        except json.JSONDecodeError as exc:
            yield Problem(f"{where}:{n}", f"not JSON ({exc.msg}, column {exc.colno})")
            continue
        yield _jsonl_item(data, f"{where}:{n}", published_default)


def _jsonl_item(data: Any, where: str, published_default: str | None) -> Found:
    if not isinstance(data, dict):
        return Problem(where, "not a JSON object (one article a line)")
    text = data.get("text")
    if text is None:
        return Problem(f"{where}:text", "missing")
    if not isinstance(text, str):
        return Problem(f"{where}:text", f"a {type(text).__name__}, not a string")
    if not text.strip():
        return Problem(f"{where}:text", "empty")
    found: dict[str, str | None] = {}
    for key in ("url", "title"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return Problem(f"{where}:{key}", f"a {type(value).__name__}, not a string")
        found[key] = value or None
    language = data.get("language") or "auto"
    if language not in LANGUAGES:
        return Problem(f"{where}:language", f"{language!r} is not one of en, ru, auto")
    try:
        published = published_date(data["published"]) if data.get("published") else None
    except InputError as exc:
        return Problem(f"{where}:published", str(exc))
    return Item(
        where,
        url=found["url"],
        published=published or published_default,
        title=found["title"],
        language=language,
        text=text,
    )


def with_default(item: Item, published_default: str | None) -> Item:
    """The item with the default publication date when it has none."""
    if item.published is not None or published_default is None:
        return item
    return replace(item, published=published_default)


def file_item(path: Path, published_default: str | None) -> Item:
    """A plain-text or HTML article file (read later, by the worker that extracts it)."""
    return Item(str(path), published=published_default, path=str(path))
