"""``diplotrack check``: the figures about visits in a text, judged against the record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diplotrack.cli.common import FormatOpt, app, out, record
from diplotrack.errors import InputError
from diplotrack.output import Format, emit


@app.command()
def check(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(help="A text file (plain text), or - for standard input.")
    ] = "-",
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD): figures are judged as of then; default today."
        ),
    ] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Find figures about leaders' visits in a text (English or Russian) and check each
    against the record: supported, close, contradicted or unverifiable (docs/claims.md)."""
    with record(ctx) as rec:
        text = sys.stdin.read() if path == "-" else _read(path)
        result = rec.check(text, published)
    data = result.to_dict()
    rows = [
        [
            c["text"][:60],
            text[c["start"] : c["end"]],
            c["leader"]["name"] if c["leader"] else "",
            c["country"],
            c["since"],
            c["claimed"],
            c["found"],
            c["verdict"],
            c["explanation"],
        ]
        for c in data["claims"]
    ]
    emit(
        out,
        fmt,
        data,
        f"figures checked as of {result.published} (docs/counting.md)",
        [
            "sentence",
            "figure",
            "leader",
            "country",
            "since",
            "claimed",
            "found",
            "verdict",
            "explanation",
        ],
        rows,
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the text ({exc})") from exc
