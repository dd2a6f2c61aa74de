"""Pure ASGI middleware: request id, access log, metrics, request body size limit."""

import logging
import random
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from otklik_kit.door import BodyLimit
from otklik_kit.errors import PayloadTooLarge
from otklik_kit.observability.context import set_request_id
from otklik_kit.observability.metrics import HTTP_LATENCY, HTTP_REQUESTS
from otklik_kit.problems import problem_response

access_log = logging.getLogger("otklik.access")
UNTRACKED_PATHS = frozenset({"/metrics", "/healthz", "/readyz"})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp, *, service: str) -> None:
        self.app = app
        self.service = service
        # the metric series of each method, route and status, looked up once
        self._known: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def _series(self, method: str, template: str, status: int) -> tuple[Any, Any]:
        series = self._known.get((method, template, status))
        if series is None:
            series = (
                HTTP_REQUESTS.labels(self.service, method, template, str(status)),
                HTTP_LATENCY.labels(self.service, method, template),
            )
            self._known[(method, template, status)] = series
        return series

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        # random, not secret: no system call for it on every request
        request_id = incoming[:64] if incoming else f"{random.getrandbits(128):032x}"
        set_request_id(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            self._record(scope, status, time.perf_counter() - started)
            set_request_id(None)

    def _record(self, scope: Scope, status: int, elapsed: float) -> None:
        route: Any = scope.get("route")
        template = getattr(route, "path", None) or "unmatched"
        method = scope["method"]
        if scope["path"] not in UNTRACKED_PATHS:
            counter, latency = self._series(method, template, status)
            counter.inc()
            latency.observe(elapsed)
            access_log.info(
                "request",
                extra={
                    "method": method,
                    "route": template,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )


class BodySizeLimitMiddleware:
    """Refuses bodies over the limit (`otklik_kit.door.BodyLimit`) with a 413 problem: by
    Content-Length up front, or while streaming (then the app sees a disconnect and whatever it
    would send is dropped)."""

    def __init__(self, app: ASGIApp, *, limit: BodyLimit) -> None:
        self.app = app
        self.body_limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        content_type = length = None
        chunked = False
        for name, value in scope["headers"]:
            if name == b"content-type":
                content_type = value
            elif name == b"content-length":
                length = value
            elif name == b"transfer-encoding":
                chunked = True
        limit = self.body_limit.limit(scope["path"], content_type)
        declared = BodyLimit.declared(length)
        if declared is not None:
            if declared > limit:
                await self._refuse(scope, receive, send, limit)
                return
            if not chunked:
                # the server delivers no more than the declared length: nothing to count
                await self.app(scope, receive, send)
                return
        received = 0
        refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await self._refuse(scope, receive, send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:
                await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problem_response(
            status=413,
            code=PayloadTooLarge.code,
            title=PayloadTooLarge.title,
            detail=f"The body exceeds {limit} bytes",
            instance=scope["path"],
        )
        await response(scope, receive, send)
