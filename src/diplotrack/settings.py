"""One settings object, read from ``DIPLOTRACK_*`` environment variables and flags.

- ``DIPLOTRACK_DB``: database path or URL (``sqlite:///…``, ``postgresql://…``); default
  ``diplotrack.sqlite`` in the user data directory.
- ``DIPLOTRACK_USER``: the name written to the change log; default the login name.
- ``DIPLOTRACK_HISTORY_STATE_URL``: base URL of the Office of the Historian repositories.
- ``DIPLOTRACK_HTTP_TIMEOUT``: seconds before a download gives up; default 60.
- ``DIPLOTRACK_DISPUTED_POLICY``: ``de-jure`` (default) or ``de-facto``: how places such as
  Crimea are counted (docs/counting.md).

The HTTP API (``diplotrack serve``) reads three more:

- ``DIPLOTRACK_MAX_BODY``: the largest request body accepted, in bytes, or with a ``k``/``m``
  suffix (KiB, MiB); default ``2m``. A larger body is refused with 413.
- ``DIPLOTRACK_RATE_LIMIT``: requests per second allowed to one client (a token's name, or
  else the client's address), refilled continuously; default 50; ``0`` turns the limit off.
- ``DIPLOTRACK_RATE_BURST``: how many requests a client may make at once before the rate
  applies; default 100. Past the limit, requests get 429 with ``Retry-After``.
"""

from __future__ import annotations

import getpass
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from diplotrack.errors import InputError

POLICIES = ("de-jure", "de-facto")
HISTORY_STATE_URL = "https://github.com/HistoryAtState"
MAX_BODY = 2 * 1024 * 1024
RATE_LIMIT = 50.0
RATE_BURST = 100
_SIZE = re.compile(r"^\s*(\d+)\s*([km]?)i?b?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    user: str
    history_state_url: str = HISTORY_STATE_URL
    http_timeout: float = 60.0
    disputed_policy: str = "de-jure"
    max_body: int = MAX_BODY
    rate_limit: float = RATE_LIMIT
    rate_burst: int = RATE_BURST

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from the environment, with explicit values (flags) taking precedence."""
        source = os.environ if env is None else env
        settings = cls(
            db=source.get("DIPLOTRACK_DB") or default_db_path(),
            user=source.get("DIPLOTRACK_USER") or _login_name(),
            history_state_url=source.get("DIPLOTRACK_HISTORY_STATE_URL") or HISTORY_STATE_URL,
            http_timeout=float(source.get("DIPLOTRACK_HTTP_TIMEOUT") or 60.0),
            disputed_policy=source.get("DIPLOTRACK_DISPUTED_POLICY") or "de-jure",
            max_body=_size(source, "DIPLOTRACK_MAX_BODY", MAX_BODY),
            rate_limit=_number(source, "DIPLOTRACK_RATE_LIMIT", RATE_LIMIT),
            rate_burst=int(_number(source, "DIPLOTRACK_RATE_BURST", RATE_BURST)),
        )
        given = {key: value for key, value in overrides.items() if value is not None}
        chosen = replace(settings, **given)  # type: ignore[arg-type]
        chosen.check()
        return chosen

    def check(self) -> None:
        """Refuse values that make no sense, naming the variable to fix."""
        if self.disputed_policy not in POLICIES:
            raise InputError(
                f"disputed-places policy {self.disputed_policy!r} is not one of "
                + ", ".join(POLICIES)
                + " (DIPLOTRACK_DISPUTED_POLICY)"
            )
        if self.max_body < 1:
            raise InputError(f"max body {self.max_body} must be at least 1 (DIPLOTRACK_MAX_BODY)")
        if self.rate_limit < 0:
            raise InputError(f"rate limit {self.rate_limit} is negative (DIPLOTRACK_RATE_LIMIT)")
        if self.rate_burst < 1:
            raise InputError(
                f"rate burst {self.rate_burst} must be at least 1 (DIPLOTRACK_RATE_BURST)"
            )


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InputError(f"{name}={text!r} is not a number")
    return value


def _size(env: Mapping[str, str], name: str, default: int) -> int:
    """A byte count: ``2097152``, ``512k`` or ``2m`` (KiB and MiB)."""
    text = env.get(name)
    if not text:
        return default
    match = _SIZE.match(text)
    if match is None:
        raise InputError(f"{name}={text!r} is not a size (bytes, or a number with k or m)")
    scale = {"": 1, "k": 1024, "m": 1024 * 1024}[match.group(2).lower()]
    return int(match.group(1)) * scale


def default_db_path() -> str:
    """The embedded default: a SQLite file in the user's data directory."""
    return str(Path(platformdirs.user_data_dir("diplotrack")) / "diplotrack.sqlite")


def database_url(path_or_url: str) -> str:
    """A SQLAlchemy URL for a file path or a database URL."""
    if path_or_url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + path_or_url.split("://", 1)[1]
    if "://" in path_or_url:
        return path_or_url
    if path_or_url == ":memory:":
        return "sqlite://"
    path = Path(path_or_url).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
