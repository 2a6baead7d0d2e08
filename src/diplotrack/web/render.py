"""Templates: one Jinja2 environment over the package's templates, and the page response."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from diplotrack import __version__

NAV = (
    ("/", "Search"),
    ("/check", "Check an article"),
    ("/pair", "Between two countries"),
    ("/review", "Review queue"),
)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("diplotrack.web", "templates"),
        autoescape=select_autoescape(("html",)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["nav"] = NAV
    env.globals["version"] = __version__
    env.filters["plural"] = plural
    env.tests["web_url"] = web_url
    return env


def web_url(value: object) -> bool:
    """Whether a source's URL may become a link (http or https: never ``javascript:``)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 visit``, ``3 visits``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template rendered with ``context``, the current path and the navigation."""
    env = environment().get_template(template)
    html = env.render(path=request.url.path, query=request.url.query, **context)
    return HTMLResponse(html, status_code=status)


def error(request: Request, status: int, title: str, message: str, **extra: Any) -> HTMLResponse:
    """An error page that says what went wrong and where to go next."""
    return page(request, "error.html", status, title=title, message=message, **extra)
