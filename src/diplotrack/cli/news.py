"""``diplotrack extract`` and ``diplotrack eval``: trips read from news text, and how well
that reading scores on a labelled corpus."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from diplotrack.cli.common import FormatOpt, app, err, out, progress_bar, record
from diplotrack.errors import InputError
from diplotrack.news.evaluate import Report, evaluate, read_corpus
from diplotrack.output import Format, dumps, emit

LangOpt = Annotated[
    str, typer.Option("--lang", help="Language of the text: en, ru or auto (by script).")
]


@app.command()
def extract(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(help="An article: plain text or HTML, or - for standard input.")
    ] = "-",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD); relative dates are read from it."),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="The article's address, kept as evidence.")
    ] = None,
    lang: LangOpt = "auto",
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Print the trips of heads of state and government an article reports — occurred,
    planned or cancelled — each with the sentence that says so. Nothing is written."""
    raw = sys.stdin.buffer.read() if path == "-" else _read_bytes(path)
    with record(ctx, warn_empty=False) as rec:
        trips = rec.extract(raw, published, lang, url)
    data: dict[str, Any] = {"trips": [t.to_dict() for t in trips]}
    rows = [
        [
            t["visitor"]["name"] if t["visitor"] else t["visitor_name"],
            t["office"],
            t["host_country"],
            ", ".join(t["cities"]),
            _dates(t),
            t["status"],
            t["occasion"] or t["kind"],
            t["ordinal"],
            t["confidence"],
            t["evidence"][0]["text"][:80],
        ]
        for t in data["trips"]
    ]
    columns = ["visitor", "office", "to", "cities", "dates", "status", "occasion", "ordinal"]
    emit(out, fmt, data, "trips reported", [*columns, "conf.", "sentence"], rows)


def _dates(trip: dict[str, Any]) -> str:
    start, end = trip["start_date"], trip["end_date"]
    return f"{start}..{end}" if start and end else start or ""


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


@app.command(name="eval")
def eval_command(
    ctx: typer.Context,
    corpus: Annotated[list[Path], typer.Argument(help="Labelled corpus files (JSONL).")],
    misses: Annotated[int, typer.Option(help="List at most this many misses.")] = 50,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Score extraction on a labelled corpus: precision, recall and F1 per language, strict
    (visitor, host, status and start date agree) and loose (visitor and host), and the misses.
    The corpus format is in docs/news.md."""
    texts = read_corpus(corpus)
    with record(ctx, warn_empty=False) as rec, progress_bar() as advance:
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            advance("scoring", done, len(texts))

        report = evaluate(rec, texts, progress=step)
    if fmt is Format.JSON:
        out.print_json(dumps(report.to_dict()))
        return
    _print_report(report, misses, fmt)


def _print_report(report: Report, misses: int, fmt: Format) -> None:
    rows = []
    for lang, stats in sorted(report.languages.items()):
        for name, score in (("strict", stats.strict), ("loose", stats.loose)):
            rows.append(
                [
                    lang,
                    name,
                    stats.texts,
                    score.tp,
                    score.fp,
                    score.fn,
                    f"{score.precision:.3f}",
                    f"{score.recall:.3f}",
                    f"{score.f1:.3f}",
                    f"{len(stats.negatives_with_trips)}/{stats.negatives}",
                ]
            )
    columns = ["lang", "match", "texts", "tp", "fp", "fn", "precision", "recall", "F1"]
    emit(out, fmt, report.to_dict(), "extraction scores", [*columns, "negatives hit"], rows)
    for miss in report.misses[:misses]:
        err.print(f"{miss['id']}: {miss['kind']}: {miss.get('gold') or miss.get('predicted')}")
    if len(report.misses) > misses:
        err.print(f"… and {len(report.misses) - misses} more (--misses N, or --format json)")
