"""Small text helpers shared by importers and resolvers."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(text: str) -> str:
    """ASCII lowercase slug: ``"Kyriakos Mitsotakis"`` -> ``kyriakos-mitsotakis``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def stable_id(prefix: str, *parts: str) -> str:
    """A deterministic id from a source and its record keys, so re-imports find their rows."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return f"{prefix}-{digest}"


def split_list(value: str | None, sep: str = ";") -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(item.strip() for item in value.split(sep) if item.strip())
