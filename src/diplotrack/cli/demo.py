"""``diplotrack demo``: the web app on a small sample record, in a fresh SQLite file."""

from __future__ import annotations

import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from diplotrack.cli.common import app, err

DemoDb = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="A new SQLite file to load the sample into (default: one in a temporary folder). "
        "An existing file is refused, so that no record of yours gets the sample trips.",
        dir_okay=False,
    ),
]


@app.command()
def demo(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    no_open: Annotated[bool, typer.Option("--no-open", help="Do not open a browser.")] = False,
    db: DemoDb = None,
) -> None:
    """Load the sample trips (data/demo: Putin, Tokayev, Lukashenko and neighbours, with
    planned and cancelled trips) into a fresh SQLite record and serve the web app on it.
    The sample is illustrative, not a checked record. Counting conventions: docs/counting.md."""
    import uvicorn

    from diplotrack.api import create_app
    from diplotrack.web.demo import load_demo

    if db is not None and db.exists():
        err.print(f"error: {db} exists already; give the demo a new file", highlight=False)
        raise typer.Exit(1)
    path = db or Path(tempfile.mkdtemp(prefix="diplotrack-demo-")) / "demo.sqlite"
    settings = load_demo(path)
    url = f"http://{host}:{port}/"
    err.print(f"demo record: {path}\nserving {url} (Ctrl+C to stop)", highlight=False)
    if not no_open:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
