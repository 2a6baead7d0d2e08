"""Small helpers over the JSON contract of ``Record.check`` (issue 5, point 3)."""

from __future__ import annotations

from typing import Any

import diplotrack as dt
from tests.claims.world import PUBLISHED

CONTRACT_KEYS = (
    "text", "start", "end", "kind", "leader", "country", "city", "office", "since", "until",
    "claimed", "found", "verdict", "convention", "explanation", "trips",
)  # fmt: skip
VERDICTS = ("supported", "close", "contradicted", "unverifiable")


def claims(record: dt.Record, text: str, published: str = PUBLISHED) -> list[dict[str, Any]]:
    """The claims found in ``text``, each checked for the contract's keys and offsets."""
    found = record.check(text, published).to_dict()["claims"]
    for claim in found:
        missing = [key for key in CONTRACT_KEYS if key not in claim]
        assert not missing, f"claim without {missing}: {claim}"
        assert 0 <= claim["start"] < claim["end"] <= len(text)
        assert text[claim["start"] : claim["end"]] in claim["text"]
        assert claim["text"] in text
        assert claim["verdict"] in VERDICTS
        assert claim["kind"] in ("count", "ordinal", "superlative")
    return found


def one(record: dt.Record, text: str, published: str = PUBLISHED) -> dict[str, Any]:
    """The only claim in ``text``."""
    found = claims(record, text, published)
    assert len(found) == 1, [figure(text, c) for c in found]
    return found[0]


def figure(text: str, claim: dict[str, Any]) -> str:
    """The figure as written: ``text[start:end]``."""
    return text[claim["start"] : claim["end"]]


def by_figure(text: str, found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {figure(text, c): c for c in found}


def leader_id(claim: dict[str, Any]) -> str | None:
    return claim["leader"]["id"] if claim["leader"] else None


def trip_dates(claim: dict[str, Any]) -> list[str]:
    return [t["start_date"] for t in claim["trips"]]
