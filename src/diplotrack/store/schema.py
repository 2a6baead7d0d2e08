"""The database schema, declared once with SQLAlchemy Core.

Dates are stored as (partial) ISO 8601 text, with ``*_lo`` / ``*_hi`` columns holding the first
and last day a partial date may stand for, so that windows compare plain ISO strings on
SQLite and PostgreSQL alike. Lists (cities, flags) and change data are JSON text.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

leaders = Table(
    "leaders",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("country", Text),
    Column("origin", Text, nullable=False),
)

aliases = Table(
    "aliases",
    metadata,
    Column("leader_id", Text, ForeignKey("leaders.id"), primary_key=True),
    Column("norm", Text, primary_key=True),
    Column("alias", Text, nullable=False),
    Index("ix_aliases_norm", "norm"),
)

external_ids = Table(
    "external_ids",
    metadata,
    Column("scheme", Text, primary_key=True),
    Column("value", Text, primary_key=True),
    Column("leader_id", Text, ForeignKey("leaders.id"), nullable=False),
)

tenures = Table(
    "tenures",
    metadata,
    Column("id", Text, primary_key=True),
    Column("leader_id", Text, ForeignKey("leaders.id"), nullable=False),
    Column("country", Text, nullable=False),
    Column("office_kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("start_date", Text, nullable=False),
    Column("end_date", Text),
    Column("acting", Boolean, nullable=False),
    Column("source", Text, nullable=False),
    Index("ix_tenures_leader", "leader_id"),
)

trips = Table(
    "trips",
    metadata,
    Column("id", Text, primary_key=True),
    Column("leader_id", Text, ForeignKey("leaders.id"), nullable=False),
    Column("status", Text, nullable=False),
    Column("start_date", Text),
    Column("end_date", Text),
    Column("start_lo", Text),
    Column("start_hi", Text),
    Column("notes", Text),
    Column("origin", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Index("ix_trips_leader_start", "leader_id", "start_lo"),
    Index("ix_trips_origin", "origin"),
)

stops = Table(
    "stops",
    metadata,
    Column("id", Text, primary_key=True),
    Column("trip_id", Text, ForeignKey("trips.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("country", Text, nullable=False),
    Column("cities", Text, nullable=False),
    Column("start_date", Text),
    Column("end_date", Text),
    Column("start_lo", Text),
    Column("end_hi", Text),
    Column("kind", Text, nullable=False),
    Column("occasion", Text),
    Column("stated_title", Text),
    Column("notes", Text),
    Column("flags", Text, nullable=False),
    Index("ix_stops_trip", "trip_id"),
    Index("ix_stops_country", "country"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Text, primary_key=True),
    Column("stop_id", Text, ForeignKey("stops.id"), nullable=False),
    Column("trip_id", Text, ForeignKey("trips.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("record_id", Text, nullable=False),
    Column("url", Text),
    Column("locator", Text),
    Column("excerpt", Text),
    Column("rule", Text),
    Column("seen_at", Text, nullable=False),
    Index("ix_evidence_trip", "trip_id"),
    Index("ix_evidence_stop", "stop_id"),
)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("why", Text),
    Index("ix_changes_entity", "entity", "entity_id"),
)

coverage = Table(
    "coverage",
    metadata,
    Column("id", Text, primary_key=True),
    Column("leader_id", Text, ForeignKey("leaders.id"), nullable=False),
    Column("start_date", Text, nullable=False),
    Column("end_date", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("note", Text),
    Index("ix_coverage_leader", "leader_id"),
)

# --- v3: news articles, the review queue of extracted trips, API tokens ---

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),  # content hash (sha256 of the normalised text)
    Column("url", Text),
    Column("published", Text),
    Column("title", Text),
    Column("language", Text),
    Column("chars", Integer, nullable=False),
    Column("trips", Integer, nullable=False),  # mentions of trips found in it
    Column("seen_at", Text, nullable=False),
    Index("ix_articles_url", "url"),
)

candidates = Table(
    "candidates",
    metadata,
    Column("id", Text, primary_key=True),
    Column("leader_id", Text, ForeignKey("leaders.id")),
    Column("visitor_name", Text, nullable=False),
    Column("office", Text),
    Column("host_country", Text, nullable=False),
    Column("cities", Text, nullable=False),  # JSON list
    Column("start_date", Text),
    Column("end_date", Text),
    Column("status", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("occasion", Text),
    Column("ordinal", Integer),
    Column("confidence", Float, nullable=False),
    Column("conflicts", Text, nullable=False),  # JSON: field -> values the articles disagree on
    Column("state", Text, nullable=False),  # pending | accepted | rejected
    Column("trip_id", Text, ForeignKey("trips.id")),  # the record trip it matches / became
    Column("version", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Index("ix_candidates_leader", "leader_id", "host_country"),
    Index("ix_candidates_state", "state"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Text, primary_key=True),
    Column("candidate_id", Text, ForeignKey("candidates.id"), nullable=False),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
    Column("url", Text),
    Column("published", Text),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", Text, nullable=False),
    Column("fields", Text, nullable=False),  # JSON: what this mention itself said
    Index("ix_mentions_candidate", "candidate_id"),
    Index("ix_mentions_article", "article_id"),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("digest", Text, nullable=False, unique=True),  # sha256 of the secret
    Column("created_at", Text, nullable=False),
    Column("revoked_at", Text),
)
