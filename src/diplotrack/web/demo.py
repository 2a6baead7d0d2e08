"""The demo record: the sample trips in data/demo loaded into a fresh SQLite file."""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from diplotrack.record import Record
from diplotrack.settings import Settings

DEMO_FILE = "demo-trips.csv"
PUBLISHED = "2024-11-27"


def demo_text(name: str) -> str:
    """A file of the demo data (``trips.csv``, ``article.txt``)."""
    return resources.files("diplotrack").joinpath("data", "demo", name).read_text("utf-8")


def load_demo(db_path: Path, user: str = "demo") -> Settings:
    """Import the sample trips into the SQLite file ``db_path`` (created if missing) and
    return the settings that open it. The rows' evidence names the file ``demo-trips.csv``
    (a copy next to the database), never a path on this machine."""
    db_path = db_path.resolve()
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DEMO_FILE).write_text(demo_text("trips.csv"), encoding="utf-8")
    settings = Settings.from_env(db=str(db_path), user=user)
    with contextlib.chdir(folder), Record(settings=settings) as rec:
        rec.import_file("table", Path(DEMO_FILE))
    return settings
