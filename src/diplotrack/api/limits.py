"""Request limits: the body size (413) and a per-client rate (429), as ASGI middleware.

The rate is a token bucket per client: ``burst`` requests at once, refilled at ``rate`` per
second. A client is the name of the API token it sends, when the token is valid, or else its
address. ``rate = 0`` turns the limit off. Settings: ``DIPLOTRACK_MAX_BODY``,
``DIPLOTRACK_RATE_LIMIT``, ``DIPLOTRACK_RATE_BURST`` (diplotrack.settings).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Clock = Callable[[], float]
ClientOf = Callable[[Scope], Awaitable[str]]
MAX_CLIENTS = 10_000


@dataclass(slots=True)
class Bucket:
    tokens: float
    at: float


class RateLimiter:
    """Token buckets by client key; ``take`` answers how long to wait (0: go ahead)."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._buckets: dict[str, Bucket] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, key: str) -> float:
        """Spend one request of ``key``'s bucket; the seconds to wait if it is empty."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                self._forget_idle(now)
                bucket = self._buckets[key] = Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate

    def _forget_idle(self, now: float) -> None:
        """Keep memory bounded: drop buckets that have refilled (they hold no state)."""
        if len(self._buckets) < MAX_CLIENTS:
            return
        full = self.burst / self.rate
        for key in [k for k, b in self._buckets.items() if now - b.at >= full]:
            del self._buckets[key]


class RateLimit:
    """ASGI middleware: 429 with ``Retry-After`` once a client's bucket is empty."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, client_of: ClientOf) -> None:
        self.app = app
        self.limiter = limiter
        self.client_of = client_of

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.limiter.enabled:
            await self.app(scope, receive, send)
            return
        wait = self.limiter.take(await self.client_of(scope))
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        detail = (
            f"too many requests: the limit is {self.limiter.rate:g} per second per client "
            f"(bursts of {self.limiter.burst}); retry after {seconds} s"
        )
        await _refuse(send, 429, detail, {"retry-after": str(seconds)})


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request body is larger than {limit:,} bytes, the most this server accepts "
            "(DIPLOTRACK_MAX_BODY)",
        )


class BodyLimit:
    """ASGI middleware: 413 for a body over ``limit`` bytes, whether declared by
    Content-Length or found while reading a chunked body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await _refuse(send, 413, BodyTooLarge(self.limit).detail, {"connection": "close"})
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        return counted


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length" and value.strip().isdigit():
            return int(value)
    return None


async def _refuse(send: Send, status: int, detail: str, headers: dict[str, str]) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
