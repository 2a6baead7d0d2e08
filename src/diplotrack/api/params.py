"""What the routes share: the record they answer from and the query parameters that recur."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request

from diplotrack.record import Record


def _record(request: Request) -> Iterator[Record]:
    record: Record = request.app.state.record
    yield record


Rec = Annotated[Record, Depends(_record)]

Since = Annotated[
    str | None,
    Query(title="Since", description="Trips starting on or after this date (YYYY-MM-DD)."),
]
Until = Annotated[
    str | None,
    Query(title="Until", description="Trips starting on or before this date (YYYY-MM-DD)."),
]
Explain = Annotated[bool, Query(title="Explain", description="List the trips behind each count.")]
Leader = Annotated[
    str, Query(title="Leader", description="Name (any alias, any script), id or external id.")
]
Place = Annotated[
    str,
    Query(title="Place", description="A country (any name or code), group:X or region:X."),
]
