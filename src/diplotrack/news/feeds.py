"""RSS (2.0 and 1.0) and Atom feeds, read with defusedxml, and pages fetched over HTTP.

Each entry becomes an item: its link is the article's URL, its date (``pubDate``,
``dc:date``, ``published`` or ``updated``) the publication date. The article's text is
the entry's full content (``content:encoded``, Atom ``content``) when it has one; else
the page at its link is fetched (unless fetching is off), falling back to the summary
(``description``, ``summary``) when the page cannot be had.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from diplotrack.errors import InputError
from diplotrack.news.inputs import Found, Item, Problem, is_url, published_date

USER_AGENT = "diplotrack (news ingest)"
DATES = ("pubDate", "date", "published", "updated", "issued", "modified")
CONTENT = ("encoded", "content")
SUMMARY = ("description", "summary")


def local(tag: str) -> str:
    """A tag without its namespace: ``{http://…}encoded`` → ``encoded``."""
    return tag.rsplit("}", 1)[-1]


def parse_feed(
    data: bytes, where: str, *, fetch: bool, published_default: str | None
) -> Iterator[Found]:
    """The entries of an RSS or Atom feed as items; one problem if it cannot be parsed."""
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        yield Problem(where, f"not a readable RSS or Atom feed ({exc})")
        return
    if local(root.tag) not in ("rss", "feed", "RDF"):
        yield Problem(where, f"not an RSS or Atom feed (its root is <{local(root.tag)}>)")
        return
    entries = [e for e in root.iter() if local(e.tag) in ("item", "entry")]
    for n, entry in enumerate(entries, start=1):
        yield _entry(entry, f"{where}#{n}", fetch=fetch, published_default=published_default)


def _entry(entry: Element, where: str, *, fetch: bool, published_default: str | None) -> Found:
    link = _link(entry)
    title = _child_text(entry, ("title",))
    content = _child_text(entry, CONTENT)
    summary = _child_text(entry, SUMMARY)
    published = published_default
    stated = _child_text(entry, DATES)
    if stated:
        try:
            published = published_date(stated)
        except InputError as exc:
            return Problem(f"{where}:published", str(exc))
    origin = link or where
    if content:
        return Item(origin, url=link, published=published, title=title, text=content)
    if fetch and link is not None and is_url(link):
        return Item(origin, url=link, published=published, title=title, text=summary, fetch=link)
    if summary or title:
        return Item(origin, url=link, published=published, title=title, text=summary or title)
    return Problem(where, "an entry with no text, summary or link")


def _children(entry: Element, names: tuple[str, ...]) -> list[Element]:
    return [child for child in entry if local(child.tag) in names]


def _child_text(entry: Element, names: tuple[str, ...]) -> str | None:
    for name in names:  # in order of preference
        for child in _children(entry, (name,)):
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None


def _link(entry: Element) -> str | None:
    """RSS ``<link>URL</link>``, or Atom's ``<link rel="alternate" href="URL"/>``; RSS
    ``guid`` when it is a link."""
    for child in _children(entry, ("link",)):
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if child.text and child.text.strip():
            return child.text.strip()
    guid = _child_text(entry, ("guid", "id"))
    return guid if guid and is_url(guid) else None


def fetch_bytes(url: str, *, timeout: float, limit: int) -> bytes:
    """The body at an http(s) URL, at most ``limit`` bytes; InputError on any failure."""
    if not is_url(url):
        raise InputError(f"{url}: only http and https addresses are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read(limit + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(f"{url}: cannot fetch ({reason})") from exc
    if len(body) > limit:
        raise InputError(f"{url}: larger than {limit:,} bytes; not read")
    return _recoded(body, charset)


def _recoded(body: bytes, charset: str | None) -> bytes:
    """The body as UTF-8 when the server named another charset (the article reader
    guesses UTF-8, UTF-16 or Windows-1251 otherwise)."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return body
    try:
        return body.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return body
