"""The HTTP API: the command line's answers as JSON under ``/api/``, described at ``/docs``;
writes with API tokens, ETags and request limits (diplotrack.api.app)."""

from diplotrack.api.app import create_app

__all__ = ["create_app"]
