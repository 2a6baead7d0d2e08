"""Errors and rejects that name the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass


class DiplotrackError(Exception):
    """Base of the errors the command line reports without a traceback."""


class InputError(DiplotrackError):
    """A file or request that cannot be read at all; nothing is written."""


class NotFound(DiplotrackError):
    """A leader, country or trip that the record does not know."""


class Ambiguous(DiplotrackError):
    """A name that fits several entities; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class Conflict(DiplotrackError):
    """An edit made against a version that is no longer current."""


@dataclass(frozen=True, slots=True)
class Reject:
    """A record left out of an import: ``file:line: reason``."""

    locator: str
    reason: str

    def __str__(self) -> str:
        return f"{self.locator}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something an import did that the user should know of (added leader, unknown city)."""

    locator: str
    message: str

    def __str__(self) -> str:
        return f"{self.locator}: {self.message}"
