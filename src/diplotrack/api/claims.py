"""The claim checker: the visit figures in a text, judged against the record."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from diplotrack.api.params import Rec
from diplotrack.errors import InputError

MAX_TEXT = 1_000_000
router = APIRouter(prefix="/api", tags=["claims"])


class CheckRequest(BaseModel):
    text: str = Field(
        description="The article text (English or Russian).",
        max_length=MAX_TEXT,
        examples=["Putin arrived in Astana for his 35th visit to Kazakhstan."],
    )
    published: str | None = Field(
        default=None,
        description="Publication date, YYYY-MM-DD; figures are judged as of then (default today).",
        examples=["2024-11-27"],
    )


@router.post("/check", summary="Check the visit figures in a text")
def check(rec: Rec, body: CheckRequest) -> dict[str, Any]:
    """As `diplotrack check --format json`: each figure with its verdict and the trips
    behind it."""
    if not body.text.strip():
        raise InputError("the text is empty")
    return rec.check(body.text, body.published).to_dict()
