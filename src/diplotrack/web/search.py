"""The front page's lists: the search box's answer when scripts are off (the same ranking as
/api/search, which the page's script asks as the user types) and the leaders to browse."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from diplotrack.api.search import find_countries, find_leaders
from diplotrack.record import Record
from diplotrack.store import schema

Json = dict[str, Any]
MAX_HITS = 20


def search(rec: Record, text: str) -> Json:
    """``{"leaders": [...], "countries": [...]}`` as /api/search gives them."""
    return {
        "leaders": [hit.model_dump() for hit in find_leaders(rec, text)[:MAX_HITS]],
        "countries": [hit.model_dump() for hit in find_countries(text)[:MAX_HITS]],
    }


def leaders_with_trips(rec: Record, limit: int = 24) -> list[Json]:
    """The leaders the record holds the most trips of, for the front page."""
    trips = schema.trips
    query = (
        select(trips.c.leader_id, func.count().label("n"))
        .where(trips.c.deleted.is_(False))
        .group_by(trips.c.leader_id)
        .order_by(func.count().desc(), trips.c.leader_id)
        .limit(limit)
    )
    with rec.db.reading() as conn:
        rows = conn.execute(query).all()
    display = rec.names().index.display
    return [
        {"id": r.leader_id, "name": display.get(r.leader_id, r.leader_id), "trips": r.n}
        for r in rows
    ]
