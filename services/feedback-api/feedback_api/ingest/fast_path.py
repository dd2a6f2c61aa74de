"""`POST /api/v1/feedback` without FastAPI's routing and dependency solving.

Those cost about two thirds of a post's CPU, more than validating and writing it. This pure ASGI
middleware serves the regular post itself — an API key in `Authorization: Bearer` or
`X-API-Key` (a backend's, or a widget's publishable key from one of its origins and within its
address limit), a JSON body, at most one well-formed `Idempotency-Key` — with the same parts the
route uses: the key verifier and its cache, the scope, the per-key throttle, the request model,
the group commit (idempotency included), the route's own response serializer and the app's
exception handlers. Whatever is irregular (no or another kind of credentials, a key unknown or
without the scope, a throttled key, a body that does not validate, another content type, an
idempotency key the route would refuse) goes on to the FastAPI route with the body replayed,
untouched, so every validation error is the route's own.

It stands in front of FastAPI's whole stack (ServiceSpec.front), behind only the kit's request
ids, metrics and access log, so it keeps the rest of that stack's rules itself, with the same
code (`otklik_kit.door`): the credentials are read by the auth dependency's parser, a post it
serves declares its length within the stack's body limit and holds nothing the unstorable-text
guard would look at twice (else the stack decides), and a server error gets the app's 500
problem. It declares the layers it applies (`applies_middleware`, `applies_dependencies`); the
app refuses to start with a middleware or a route dependency it does not (otklik_kit.layers).
"""

import re
from collections import deque
from dataclasses import dataclass
from typing import Any

from fastapi.routing import APIRoute, iter_route_contexts, serialize_response
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback_api.feedback.schemas import FeedbackCreate
from feedback_api.ingest import service
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.ingest.router import feedback_poster
from feedback_api.ingest.schemas import IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_KEY_PATTERN
from feedback_api.widget import browser
from otklik_kit.auth.dependencies import API_KEY_HEADER, CREDENTIALS, authenticate, require_any
from otklik_kit.auth.keys import KEY_PREFIX, KeyVerifier, Principal
from otklik_kit.auth.scopes import Scope as AuthScope
from otklik_kit.auth.throttle import KeyThrottle
from otklik_kit.door import BodyLimit, may_hold_unstorable_text, presented_token
from otklik_kit.errors import TooManyRequests
from otklik_kit.observability.metrics import INGEST_PATH
from otklik_kit.observability.middleware import BodySizeLimitMiddleware
from otklik_kit.query import refuse_unknown_query
from otklik_kit.routing import API_PREFIX
from otklik_kit.text_guard import UnstorableTextMiddleware

FEEDBACK_PATH = f"{API_PREFIX}/feedback"
JSON_TYPES = frozenset({b"application/json", b"application/json; charset=utf-8"})
_KEY_START = KEY_PREFIX + "_"
# what the route's `Idempotency-Key` header parameter accepts
IDEMPOTENCY_KEY = re.compile(IDEMPOTENCY_KEY_PATTERN.encode())
# headers a regular post has at most once each; a repeated one goes to the route
SINGLE_HEADERS = frozenset(
    {
        b"authorization",
        b"x-api-key",
        b"content-type",
        b"content-length",
        b"idempotency-key",
        b"origin",
    }
)
REPLAYED_HEADER = (b"idempotent-replayed", b"true")
SERVED = INGEST_PATH.labels("fast")
HANDED_ON = INGEST_PATH.labels("route")


@dataclass(frozen=True, slots=True)
class RegularPost:
    token: str
    idempotency_key: str | None
    origin: str | None


def _regular_post(
    headers: list[tuple[bytes, bytes]], limit: BodyLimit, path: str
) -> RegularPost | None:
    """The credentials of a regular post, or None when anything asks for the route's handling."""
    given: dict[bytes, bytes] = {}
    for name, value in headers:
        if name in SINGLE_HEADERS:
            if name in given:
                return None
            given[name] = value
        elif name == b"transfer-encoding":
            return None
    content_type = given.get(b"content-type")
    if content_type is None or content_type.lower() not in JSON_TYPES:
        return None
    # the body limit: the server delivers no more than a declared length
    declared = BodyLimit.declared(given.get(b"content-length"))
    if declared is None or declared > limit.limit(path, content_type):
        return None
    idempotency_key = given.get(b"idempotency-key")
    if idempotency_key is not None and (
        len(idempotency_key) > IDEMPOTENCY_KEY_MAX_LENGTH
        or not IDEMPOTENCY_KEY.fullmatch(idempotency_key)
    ):
        return None
    authorization, api_key = given.get(b"authorization"), given.get(b"x-api-key")
    token = presented_token(
        authorization.decode("latin-1") if authorization is not None else None,
        api_key.decode("latin-1") if api_key is not None else None,
    )
    # OIDC tokens and whatever else is not one of our keys: the route's
    if token is None or not token.startswith(_KEY_START) or " " in token:
        return None
    key = idempotency_key.decode("ascii") if idempotency_key is not None else None
    origin = given.get(b"origin")
    return RegularPost(token, key, origin.decode("latin-1") if origin is not None else None)


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    pending = deque(messages)

    async def replay() -> Message:
        if pending:
            return pending.popleft()
        return await receive()

    return replay


class FeedbackFastPath:
    # the layers of the FastAPI stack it applies itself (otklik_kit.layers): the body limit and
    # the text guard by `otklik_kit.door`, handing on what they must look at; the route's
    # credentials, scope and throttle as `_accept` does; a request with a query string (where
    # refuse_unknown_query would look) always goes on to the route
    serves = ("POST", FEEDBACK_PATH)
    applies_middleware = frozenset({BodySizeLimitMiddleware, UnstorableTextMiddleware})
    # feedback_poster: a widget's key only from its origins and within the address limit
    applies_dependencies = frozenset(
        {
            authenticate,
            CREDENTIALS,
            API_KEY_HEADER,
            require_any(AuthScope.FEEDBACK_WRITE, AuthScope.FEEDBACK_PUBLISH),
            feedback_poster,
            refuse_unknown_query,
        }
    )
    applies_parameters = frozenset({"header:Idempotency-Key", "body:body"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._route: APIRoute | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != FEEDBACK_PATH
            or scope["method"] != "POST"
            or scope.get("query_string")
            or scope.get("root_path")
        ):
            await self.app(scope, receive, send)
            return
        app = scope["app"]
        post = _regular_post(scope["headers"], app.state.body_limit, FEEDBACK_PATH)
        if post is None:
            HANDED_ON.inc()
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        chunks: list[bytes] = []
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        accepted = None
        if messages[-1]["type"] == "http.request" and body and not may_hold_unstorable_text(body):
            accepted = await self._accept(scope, post, body)
        if accepted is None:
            HANDED_ON.inc()
            await self.app(scope, _replaying(messages, receive), send)
            return
        SERVED.inc()
        principal, data = accepted
        try:
            response = await self._submit(scope, receive, principal, data, post.idempotency_key)
        except Exception as exc:
            # as Starlette's ServerErrorMiddleware: the app's 500 problem, then up to the server
            handler = app.exception_handlers.get(Exception) or app.exception_handlers[500]
            await (await handler(Request(scope, receive), exc))(scope, receive, send)
            raise
        await response(scope, receive, send)

    async def _accept(
        self, scope: Scope, post: RegularPost, body: bytes
    ) -> tuple[Principal, FeedbackCreate] | None:
        """What the route's dependencies would give, or None to let the route decide. The
        throttle is asked last, so a post handed on is counted once, by the route (a widget's
        post over its address limit only is counted twice, by both)."""
        state = scope["app"].state
        verifier: KeyVerifier = state.key_verifier
        try:
            principal = await verifier.verify(post.token)
        except Exception:  # the route meets the same failure and answers it
            return None
        if principal is None:
            return None
        may_post = principal.has(AuthScope.FEEDBACK_WRITE) or principal.has(
            AuthScope.FEEDBACK_PUBLISH
        )
        if not may_post or not browser.origin_allowed(principal, post.origin):
            return None
        try:
            data = FeedbackCreate.model_validate_json(body)
        except ValidationError:
            return None
        throttle: KeyThrottle | None = state.throttle
        if throttle is not None:
            try:
                throttle.check(principal.key_id)
            except TooManyRequests:
                return None
        if principal.origins is not None:
            client = scope.get("client")
            if await browser.address_wait(state, principal, client[0] if client else "unknown"):
                return None
        scope.setdefault("state", {})["principal"] = principal
        return principal, data

    async def _submit(
        self,
        scope: Scope,
        receive: Receive,
        principal: Principal,
        data: FeedbackCreate,
        idempotency_key: str | None,
    ) -> Response:
        """The answer to send; raises only what the app would answer with a 500."""
        app = scope["app"]
        route = self._feedback_route(app)
        scope["route"] = route
        batcher: IngestBatcher = app.state.ingest
        try:
            outcome = await service.submit_feedback(batcher, principal, data, idempotency_key)
        except Exception as exc:
            # the app's handler for it, as the route's exception middleware would pick it; an
            # exception without one goes up to the server error handler, as from the route
            handler = _handler_for(app.exception_handlers, exc)
            if handler is None:
                raise
            answer: Response = await handler(Request(scope, receive), exc)
            return answer
        content = await serialize_response(
            field=route.response_field, response_content=outcome.receipt, dump_json=True
        )
        response = Response(
            content, status_code=route.status_code or 201, media_type="application/json"
        )
        if outcome.replayed:
            response.raw_headers.append(REPLAYED_HEADER)
        return response

    def _feedback_route(self, app: Any) -> APIRoute:
        if self._route is None:
            self._route = next(
                context.original_route
                for context in iter_route_contexts(app.routes)
                if isinstance(context.original_route, APIRoute)
                and context.original_route.path == FEEDBACK_PATH
                and "POST" in (context.original_route.methods or ())
            )
        return self._route


def _handler_for(handlers: dict[Any, Any], exc: Exception) -> Any:
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            return handlers[cls]
    return None
