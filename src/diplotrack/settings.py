"""One settings object, read from ``DIPLOTRACK_*`` environment variables and flags.

- ``DIPLOTRACK_DB``: database path or URL (``sqlite:///…``, ``postgresql://…``); default
  ``diplotrack.sqlite`` in the user data directory.
- ``DIPLOTRACK_USER``: the name written to the change log; default the login name.
- ``DIPLOTRACK_HISTORY_STATE_URL``: base URL of the Office of the Historian repositories.
- ``DIPLOTRACK_HTTP_TIMEOUT``: seconds before a download gives up; default 60.
- ``DIPLOTRACK_DISPUTED_POLICY``: ``de-jure`` (default) or ``de-facto``: how places such as
  Crimea are counted (docs/counting.md).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

from diplotrack.errors import InputError

POLICIES = ("de-jure", "de-facto")
HISTORY_STATE_URL = "https://github.com/HistoryAtState"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str
    user: str
    history_state_url: str = HISTORY_STATE_URL
    http_timeout: float = 60.0
    disputed_policy: str = "de-jure"

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
        )
        given = {key: value for key, value in overrides.items() if value is not None}
        chosen = replace(settings, **given)  # type: ignore[arg-type]
        if chosen.disputed_policy not in POLICIES:
            raise InputError(
                f"disputed-places policy {chosen.disputed_policy!r} is not one of "
                + ", ".join(POLICIES)
                + " (DIPLOTRACK_DISPUTED_POLICY)"
            )
        return chosen


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
