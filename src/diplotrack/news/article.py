"""An article to read: its text (HTML reduced to its main text), publication date, address
and language, made safe whatever arrives — empty, binary, huge or in mixed scripts."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from diplotrack.dates import parse_day
from diplotrack.errors import InputError
from diplotrack.news.rules import language_of
from diplotrack.timeutil import today

MAX_CHARS = 10_000_000  # an article; ingest has its own --max-mb
_HTML = re.compile(r"<\s*(?:html|body|p|div|article|head|!doctype)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "auto"
    digest: str = field(default="")
    detected: bool = False  # the language was guessed from the text, not given

    @property
    def published_date(self) -> dt.date:
        return parse_day(self.published) if self.published else today()


def article(
    raw: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    language: str = "auto",
    hashed: bool = True,
) -> Article:
    """An Article from text or HTML (as ``str`` or bytes), checked and normalised; with its
    content hash unless ``hashed`` is False (reading one text needs none)."""
    if language not in ("auto", "en", "ru"):
        raise InputError(f"language {language!r}: use en, ru or auto")
    if published is not None:
        parse_day(published)
    text = _decode(raw) if isinstance(raw, bytes) else raw
    if len(text) > MAX_CHARS:
        raise InputError(f"the text has {len(text):,} characters; the limit is {MAX_CHARS:,}")
    if _HTML.search(text[:5000]):
        text = main_text(text)
    text = clean(text)
    lang = language if language != "auto" else language_of(text)
    found = digest(text) if hashed else ""
    return Article(text, published, url, title, lang, found, language == "auto")


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("the input looks binary, not text")
    for encoding in ("utf-8-sig", "utf-16", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def clean(text: str) -> str:
    """NFC, no control characters, normalised line ends; offsets refer to this text."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text)


def main_text(html: str) -> str:
    """The main text of an HTML page (trafilatura), or its visible text when that fails."""
    try:
        import trafilatura

        found = trafilatura.extract(html, include_comments=False, include_tables=False)
    except Exception:
        found = None
    if found:
        return str(found)
    stripped = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html)
    stripped = re.sub(r"(?s)<[^>]*>", " ", stripped)
    import html as html_lib

    return re.sub(r"[ \t]+", " ", html_lib.unescape(stripped))


def digest(text: str) -> str:
    """The content hash that identifies an article whatever its address."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def is_binary(raw: bytes) -> bool:
    return b"\x00" in raw[:4096]


__all__ = ["Article", "article", "clean", "digest", "is_binary", "main_text", "today"]
