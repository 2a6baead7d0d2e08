"""The HTTP API: the command line's answers as JSON under ``/api/``, described at ``/docs``.

Read-only for now (issue 6 adds writes with tokens, the pages and the limits).
"""

from diplotrack.api.app import create_app

__all__ = ["create_app"]
