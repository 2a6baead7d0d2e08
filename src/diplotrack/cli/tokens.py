"""``diplotrack token …``: make, list and revoke the tokens that let the HTTP API write."""

from __future__ import annotations

from typing import Annotated

import typer

from diplotrack.cli.common import FormatOpt, app, err, out, record
from diplotrack.output import Format, dumps, emit
from diplotrack.store import tokens

token_app = typer.Typer(
    help="API tokens: writes through the HTTP API need one (Authorization: Bearer SECRET); "
    "the change log names the token.",
    no_args_is_help=True,
)
app.add_typer(token_app, name="token")

NameArg = Annotated[
    str, typer.Argument(help="The token's name: what the change log records as who.")
]


@token_app.command("create")
def token_create(ctx: typer.Context, name: NameArg, fmt: FormatOpt = Format.TABLE) -> None:
    """Make a token and print its secret. The secret is shown this once: only its digest is
    stored."""
    with record(ctx, warn_empty=False) as rec, rec.db.transaction() as conn:
        secret = tokens.create(conn, name, who=rec.settings.user)
    if fmt is Format.JSON:
        out.file.write(dumps({"name": name, "secret": secret}) + "\n")
        return
    err.print(f"token {name!r} made; its secret (shown only now):", highlight=False)
    out.file.write(secret + "\n")


@token_app.command("list")
def token_list(ctx: typer.Context, fmt: FormatOpt = Format.TABLE) -> None:
    """Every token, active or revoked (never the secrets)."""
    with record(ctx, warn_empty=False) as rec, rec.db.reading() as conn:
        found = tokens.all_tokens(conn)
    data = {"tokens": [t.as_dict() for t in found]}
    rows = [[t.name, t.created_at, t.revoked_at, t.active] for t in found]
    emit(out, fmt, data, "API tokens", ["name", "created_at", "revoked_at", "active"], rows)


@token_app.command("revoke")
def token_revoke(ctx: typer.Context, name: NameArg) -> None:
    """Revoke the active token with this name: its secret stops working at once."""
    with record(ctx, warn_empty=False) as rec, rec.db.transaction() as conn:
        tokens.revoke(conn, name, who=rec.settings.user)
    out.print(f"revoked {name}", highlight=False)
