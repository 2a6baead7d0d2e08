"""The ``diplotrack`` command: a thin front over the Python API (``diplotrack.record``)."""

from diplotrack.cli import (
    check,
    counts,
    demo,
    imports,
    ingest,
    names,
    news,
    review,
    serve,
    tokens,
    trips,
)
from diplotrack.cli.common import app

__all__ = [
    "app",
    "check",
    "counts",
    "demo",
    "imports",
    "ingest",
    "main",
    "names",
    "news",
    "review",
    "serve",
    "tokens",
    "trips",
]


def main() -> None:
    app()
