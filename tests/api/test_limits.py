"""Request limits: bodies over the size limit get 413, clients over the rate get 429 with
Retry-After; the settings behind them are checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from diplotrack.api.limits import RateLimiter
from diplotrack.errors import InputError
from diplotrack.settings import MAX_BODY, RATE_BURST, RATE_LIMIT, Settings
from tests.api.conftest import make_app, make_token


@pytest.fixture
def small(tmp_path: Path) -> Iterator[FastAPI]:
    """An app on SQLite taking bodies up to 1,000 bytes and 3 requests in a burst. Its
    limiter's clock stands still, so a slow machine cannot refill a bucket between requests."""
    app = make_app(str(tmp_path / "r.sqlite"), max_body=1000, rate_limit=1, rate_burst=3)
    app.state.limiter.clock = lambda: 0.0
    yield app
    app.state.record.close()


def test_a_declared_body_over_the_limit_is_413(small: FastAPI) -> None:
    response = TestClient(small).post("/api/check", json={"text": "x" * 2000})
    assert response.status_code == 413
    assert "larger than 1,000 bytes" in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_413(small: FastAPI) -> None:
    chunks = (b'{"text": "' + b"x" * 400 for _ in range(5))
    response = TestClient(small).post(
        "/api/check", content=chunks, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "DIPLOTRACK_MAX_BODY" in response.json()["detail"]


def test_a_body_under_the_limit_is_read(small: FastAPI) -> None:
    response = TestClient(small).post("/api/check", json={"text": "Nothing to check."})
    assert response.status_code == 200


def test_a_client_past_its_burst_gets_429_with_retry_after(small: FastAPI) -> None:
    client = TestClient(small)
    assert [client.get("/api/health").status_code for _ in range(3)] == [200] * 3
    refused = client.get("/api/health")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert "1 per second" in refused.json()["detail"]


def test_a_token_has_its_own_bucket(small: FastAPI) -> None:
    client = TestClient(small)
    secret = make_token(small)
    for _ in range(3):
        client.get("/api/health")
    assert client.get("/api/health").status_code == 429
    mine = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/health", headers=mine).status_code == 200
    bogus = {"Authorization": "Bearer dt_made-up"}
    assert client.get("/api/health", headers=bogus).status_code == 429


def test_a_bucket_refills_at_the_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2, burst=2, clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(2)] == [0, 0]
    assert limiter.take("a") == pytest.approx(0.5)
    now[0] = 0.5
    assert limiter.take("a") == 0
    assert limiter.take("b") == 0


def test_idle_buckets_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("diplotrack.api.limits.MAX_CLIENTS", 3)
    now = [0.0]
    limiter = RateLimiter(rate=1, burst=1, clock=lambda: now[0])
    for key in "abc":
        limiter.take(key)
    now[0] = 5.0
    limiter.take("d")
    assert set(limiter._buckets) == {"d"}


def test_a_rate_of_zero_turns_the_limit_off(tmp_path: Path) -> None:
    app = make_app(str(tmp_path / "r.sqlite"), rate_limit=0, rate_burst=1)
    client = TestClient(app)
    assert {client.get("/api/health").status_code for _ in range(5)} == {200}
    app.state.record.close()


def test_the_limits_default_to_generous_values() -> None:
    settings = Settings.from_env({}, db=":memory:")
    assert (settings.max_body, settings.rate_limit, settings.rate_burst) == (
        MAX_BODY,
        RATE_LIMIT,
        RATE_BURST,
    )
    assert (MAX_BODY, RATE_LIMIT, RATE_BURST) == (2 * 1024 * 1024, 50.0, 100)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DIPLOTRACK_MAX_BODY": "512k"}, ("max_body", 512 * 1024)),
        ({"DIPLOTRACK_MAX_BODY": "3MB"}, ("max_body", 3 * 1024 * 1024)),
        ({"DIPLOTRACK_MAX_BODY": "100"}, ("max_body", 100)),
        ({"DIPLOTRACK_RATE_LIMIT": "2.5"}, ("rate_limit", 2.5)),
        ({"DIPLOTRACK_RATE_BURST": "7"}, ("rate_burst", 7)),
    ],
)
def test_limits_come_from_the_environment(
    env: dict[str, str], expected: tuple[str, object]
) -> None:
    settings = Settings.from_env(env, db=":memory:")
    assert getattr(settings, expected[0]) == expected[1]


@pytest.mark.parametrize(
    "env",
    [
        {"DIPLOTRACK_MAX_BODY": "lots"},
        {"DIPLOTRACK_MAX_BODY": "0"},
        {"DIPLOTRACK_RATE_LIMIT": "-1"},
        {"DIPLOTRACK_RATE_LIMIT": "nan"},
        {"DIPLOTRACK_RATE_BURST": "0"},
    ],
)
def test_a_bad_limit_setting_names_its_variable(env: dict[str, str]) -> None:
    with pytest.raises(InputError, match=next(iter(env))):
        Settings.from_env(env, db=":memory:")
