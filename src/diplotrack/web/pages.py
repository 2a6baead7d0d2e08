"""Page routes, mounted on the API app by ``mount``."""

from __future__ import annotations

from fastapi import FastAPI


def mount(app: FastAPI) -> None:
    """Add the page routes and the static assets to ``app``."""
    del app
