"""``diplotrack serve``: the HTTP API on the configured record."""

from __future__ import annotations

from typing import Annotated

import typer

from diplotrack.cli.common import app


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the record's answers as JSON under /api/ (OpenAPI reference at /docs)."""
    import uvicorn

    from diplotrack.api import create_app

    uvicorn.run(create_app(ctx.obj), host=host, port=port)
