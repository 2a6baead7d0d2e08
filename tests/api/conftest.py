"""Fixtures for the HTTP API: an app over an empty record (each backend), with a token."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplotrack.api import create_app
from diplotrack.record import Record
from diplotrack.settings import Settings
from diplotrack.store import tokens

TOKEN_NAME = "desk-bot"


def make_app(url: str, **settings: Any) -> FastAPI:
    return create_app(Settings.from_env({}, db=url, user="tester", **settings))


def make_token(app: FastAPI, name: str = TOKEN_NAME) -> str:
    record: Record = app.state.record
    with record.db.transaction() as conn:
        return tokens.create(conn, name, who="tester")


def trip_body(**changes: Any) -> dict[str, Any]:
    """A new trip of Putin to Kazakhstan, with changes."""
    body: dict[str, Any] = {
        "leader": "Vladimir Putin",
        "stops": [
            {
                "country": "Kazakhstan",
                "cities": ["Astana"],
                "start_date": "2024-11-27",
                "end_date": "2024-11-28",
                "kind": "state",
                "occasion": "CSTO summit",
            }
        ],
        "source": {"name": "Kremlin", "url": "http://en.kremlin.ru/events/president/news/75690"},
    }
    return body | changes


@dataclass
class Api:
    """A client on a fresh record, and the secret of a token called ``desk-bot``."""

    app: FastAPI
    client: TestClient
    secret: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret}"}

    @property
    def record(self) -> Record:
        record: Record = self.app.state.record
        return record

    def create(self, **changes: Any) -> tuple[str, str]:
        """Enter a trip; its id and ETag."""
        response = self.client.post("/api/trips", json=trip_body(**changes), headers=self.auth)
        assert response.status_code == 201, response.text
        return response.json()["id"], response.headers["ETag"]

    def write(self, method: str, url: str, etag: str | None = None, **kwargs: Any) -> Any:
        headers = self.auth | ({"If-Match": etag} if etag else {})
        return self.client.request(method, url, headers=headers, **kwargs)


@pytest.fixture
def api(db_url: str) -> Iterator[Api]:
    app = make_app(db_url)
    secret = make_token(app)
    with TestClient(app) as client:
        yield Api(app, client, secret)
    app.state.record.close()


@pytest.fixture
def hs_client(hs_url: str) -> Iterator[TestClient]:
    """A client on the Office of the Historian record (read only)."""
    app = make_app(hs_url, rate_limit=0)
    with TestClient(app) as client:
        yield client
    app.state.record.close()
