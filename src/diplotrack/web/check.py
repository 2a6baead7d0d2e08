"""The claim checker page's answer when scripts are off (the script calls /api/check)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from diplotrack.errors import InputError
from diplotrack.record import Record

Json = dict[str, Any]
MAX_UPLOAD = 1_000_000
VERDICTS = ("supported", "close", "contradicted", "unverifiable")


def check_context(rec: Record, text: str, published: str | None) -> Json:
    """The /api/check JSON for ``text``, with the text cut into plain and marked pieces."""
    if not text.strip():
        raise InputError("paste an article or choose a file first")
    if len(text) > MAX_UPLOAD:
        raise InputError(f"the text is longer than {MAX_UPLOAD:,} characters")
    result = rec.check(text, published).to_dict()
    for claim in result["claims"]:
        claim["figure"] = text[claim["start"] : claim["end"]]
    counts = {v: sum(c["verdict"] == v for c in result["claims"]) for v in VERDICTS}
    return result | {"pieces": pieces(text, result["claims"]), "counts": counts}


def pieces(text: str, claims: list[Json]) -> list[Json]:
    """``text`` as a run of pieces, each plain or a figure (``claim``: its number from 1)."""
    found: list[Json] = []
    position = 0
    for number, claim in enumerate(claims, start=1):
        start, end = claim["start"], claim["end"]
        if start < position or end <= start:
            continue
        if start > position:
            found.append({"text": text[position:start], "claim": None})
        found.append({"text": text[start:end], "claim": number, "verdict": claim["verdict"]})
        position = end
    if position < len(text):
        found.append({"text": text[position:], "claim": None})
    return found


class _Text(HTMLParser):
    """The visible text of an HTML page, paragraphs kept apart."""

    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "section", "article"})
    HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def read_upload(data: bytes, filename: str) -> str:
    """An uploaded article as text: UTF-8 plain text, or the visible text of an HTML file."""
    if len(data) > MAX_UPLOAD:
        raise InputError(f"the file is larger than {MAX_UPLOAD:,} bytes")
    text = data.decode("utf-8", errors="replace")
    if not filename.lower().endswith((".html", ".htm")):
        return text
    parser = _Text()
    parser.feed(text)
    joined = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in joined.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
