"""Property-based run against the app's own OpenAPI schema (schemathesis, in-process ASGI):
whatever the inputs, no route answers with a server error. Writes run with a valid token,
and some edits aim at a real trip with ``If-Match: *`` so that they get past the checks."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.api.conftest import make_app, make_token, trip_body
from tests.conftest import BACKENDS, drop_schema, make_url

EXAMPLES = 8  # per operation and mode: the whole run (both backends) stays near 50 s
CHECKS = [not_a_server_error]


@pytest.fixture(scope="module", params=BACKENDS)
def fuzzed(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_admin: sa.Engine | None,
) -> Iterator[tuple[FastAPI, dict[str, str], str]]:
    """An app (no rate limit) with one trip and a token: its auth header and the trip id."""
    url, schema = make_url(request.param, tmp_path_factory.mktemp("fuzz"), pg_admin)
    app = make_app(url, rate_limit=0)
    auth = {"Authorization": f"Bearer {make_token(app)}"}
    created = TestClient(app).post("/api/trips", json=trip_body(), headers=auth)
    yield app, auth, created.json()["id"]
    app.state.record.close()
    drop_schema(pg_admin, schema)


def test_no_route_answers_with_a_server_error(
    fuzzed: tuple[FastAPI, dict[str, str], str],
) -> None:
    app, auth, trip_id = fuzzed
    api = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    for result in api.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _explore(operation.as_strategy(generation_mode=mode), auth, trip_id)
            except Unsatisfiable:  # nothing to make invalid (no parameters, or paths only)
                continue
            except Exception as exc:  # a failing case: report every operation's at once
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert not failures, "\n\n".join(failures)


def _explore(strategy: Any, auth: dict[str, str], trip_id: str) -> None:
    @given(strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    def run(case: Any) -> None:
        if case.path_parameters and "trip_id" in case.path_parameters and _coin(case):
            case.path_parameters["trip_id"] = trip_id
            case.headers = {**(case.headers or {}), "If-Match": "*"}
        case.call_and_validate(headers=auth, checks=CHECKS)

    run()


def _coin(case: Any) -> bool:
    """Half the cases, chosen from their content (repeatable)."""
    return zlib.crc32(repr((case.body, case.query, case.headers)).encode()) % 2 == 0
