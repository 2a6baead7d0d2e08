"""The ``diplotrack`` command: a thin front over the Python API (``diplotrack.record``)."""

from diplotrack.cli import check, counts, imports, names, serve, trips
from diplotrack.cli.common import app

__all__ = ["app", "check", "counts", "imports", "main", "names", "serve", "trips"]


def main() -> None:
    app()
