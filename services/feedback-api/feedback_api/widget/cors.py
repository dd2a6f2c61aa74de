"""CORS of `POST /api/v1/feedback` for portal widgets, in front of the fast path and FastAPI.

A preflight carries no key, so it is answered for an origin that some active publishable key
allows (the set is reloaded at most every API_KEY_CACHE_SECONDS, never per request); the
actual response gets `Access-Control-Allow-Origin` only when the key that posted allows that
origin. Every other origin gets no CORS headers at all, so its browser keeps the answer from
the page (and the post itself is refused with a 403 by the key's own rule)."""

import time

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from otklik_kit.auth.keys import Principal, allowed_origins
from otklik_kit.routing import API_PREFIX

FEEDBACK_PATH = f"{API_PREFIX}/feedback"
ALLOW_HEADERS = b"content-type, x-api-key, authorization, idempotency-key"
MAX_AGE = b"600"


class OriginRegistry:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], *, ttl: float) -> None:
        self._sessionmaker = sessionmaker
        self._ttl = ttl
        self._origins: frozenset[str] = frozenset()
        self._until = 0.0

    async def allows(self, origin: str) -> bool:
        now = time.monotonic()
        if now >= self._until:
            async with self._sessionmaker() as session:
                self._origins = await allowed_origins(session)
            self._until = now + self._ttl
        return origin in self._origins


def _header(scope: Scope, name: bytes) -> bytes | None:
    value: bytes
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


class WidgetCors:
    # ahead of the fast path and of FastAPI's stack alike (otklik_kit.layers)
    wraps_both_doors = True

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != FEEDBACK_PATH:
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if origin is None:
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and _header(scope, b"access-control-request-method"):
            await self._preflight(scope, origin, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                principal: Principal | None = scope.get("state", {}).get("principal")
                headers = list(message.get("headers", []))
                headers.append((b"vary", b"Origin"))
                text = origin.decode("latin-1")
                if principal is not None and principal.origins and text in principal.origins:
                    headers += [
                        (b"access-control-allow-origin", origin),
                        (b"access-control-expose-headers", b"idempotent-replayed, retry-after"),
                    ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def _preflight(self, scope: Scope, origin: bytes, send: Send) -> None:
        registry: OriginRegistry = scope["app"].state.widget_origins
        method = _header(scope, b"access-control-request-method")
        headers = [(b"vary", b"Origin"), (b"content-length", b"0")]
        if method == b"POST" and await registry.allows(origin.decode("latin-1")):
            headers += [
                (b"access-control-allow-origin", origin),
                (b"access-control-allow-methods", b"POST"),
                (b"access-control-allow-headers", ALLOW_HEADERS),
                (b"access-control-max-age", MAX_AGE),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
