"""Every error leaves as RFC 9457 problem+json: domain errors, bad input, routes, outages."""

import errno
import logging
import socket
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from otklik_kit.errors import DomainError
from otklik_kit.observability.context import current_request_id
from otklik_shared.problem import PROBLEM_CONTENT_TYPE, FieldError, Problem

logger = logging.getLogger("otklik.errors")

PROBLEM_TYPE_BASE = "https://otklik.gov.ru/problems/"
RETRY_AFTER_SECONDS = "5"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_CONTENT_TYPE


def problem_response(
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldError] | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    problem = Problem(
        type=PROBLEM_TYPE_BASE + code.replace("_", "-"),
        title=title,
        status=status,
        detail=detail,
        instance=instance,
        code=code,
        errors=errors,
        request_id=current_request_id(),
    )
    return ProblemResponse(
        problem.model_dump(mode="json", exclude_none=True), status_code=status, headers=headers
    )


def field_errors(errors: Sequence[Any], loc_prefix: tuple[str | int, ...] = ()) -> list[FieldError]:
    """pydantic's errors as problem field errors; `loc_prefix` places them inside a request
    (e.g. ("body", "items", 3) for one item of a batch validated on its own)."""
    result = []
    for error in errors:
        loc = [str(part) for part in (*loc_prefix, *error.get("loc", ()))]
        location = loc[0] if loc else "body"
        field = ".".join(loc[1:]) or location
        result.append(
            FieldError(
                location=location, field=field, message=str(error["msg"]), type=str(error["type"])
            )
        )
    return result


async def _on_domain_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, DomainError)
    return problem_response(
        status=exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        instance=request.url.path,
        headers=exc.headers,
    )


async def _on_validation_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc.errors())
    names = ", ".join(f"{e.location}.{e.field}" for e in errors[:10])
    return problem_response(
        status=422,
        code="validation_error",
        title="Request validation failed",
        detail=f"{len(errors)} field(s) invalid: {names}",
        errors=errors,
        instance=request.url.path,
    )


def allowed_methods(request: Request) -> str:
    """Every method the request's path is served with, over all its routes (Starlette names
    only those of the first route that matched the path)."""
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.router.routes):
        route_methods = route.methods
        if route_methods and route.matches(request.scope)[0] is not Match.NONE:
            methods |= route_methods
    return ", ".join(sorted(methods))


async def _on_http_exception(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    code = phrase.lower().replace(" ", "_").replace("-", "_")
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == HTTPStatus.METHOD_NOT_ALLOWED:
        headers = {**(headers or {}), "Allow": allowed_methods(request)}
    return problem_response(
        status=exc.status_code,
        code=code,
        title=phrase,
        detail=detail,
        instance=request.url.path,
        headers=headers,
    )


async def _on_dependency_outage(request: Request, exc: Exception) -> ProblemResponse:
    logger.warning("dependency unavailable: %s", type(exc).__name__)
    return problem_response(
        status=503,
        code="service_unavailable",
        title="Service temporarily unavailable",
        detail="A backing store is unreachable; nothing was saved. Retry later.",
        instance=request.url.path,
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


async def _on_unexpected(request: Request, exc: Exception) -> ProblemResponse:
    logger.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
    return problem_response(
        status=500,
        code="internal_error",
        title="Internal server error",
        detail="The error was logged; quote the request id when you report it.",
        instance=request.url.path,
    )


# PostgreSQL unreachable in its own words: connection exceptions, shutting down or starting up
# (crash recovery answers 57P03 "the database system is starting up"), too many connections
UNAVAILABLE_SQLSTATES = ("08", "57P", "53300")


def _is_connection_error(exc: DBAPIError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return (
        bool(exc.connection_invalidated)
        or isinstance(exc, OperationalError | InterfaceError)
        or sqlstate.startswith(UNAVAILABLE_SQLSTATES)
    )


# An OSError is an outage only when it is about the network: a file or a library that fails on
# its input raises OSError too (a broken upload is the client's problem, not "retry later").
NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ENETDOWN,
        errno.ETIMEDOUT,
        errno.EPIPE,
    }
)
REDIS_OUTAGES = (RedisConnectionError, RedisTimeoutError, ReadOnlyError)


def is_outage(exc: BaseException) -> bool:
    """A backing store (PostgreSQL, Redis) unreachable, as opposed to a bug or bad input."""
    if isinstance(exc, DBAPIError):
        return _is_connection_error(exc)
    if isinstance(exc, RedisError):
        return isinstance(exc, REDIS_OUTAGES)
    if isinstance(exc, ConnectionError | TimeoutError | socket.gaierror | PoolTimeoutError):
        return True
    return isinstance(exc, OSError) and exc.errno in NETWORK_ERRNOS


async def _on_possible_outage(request: Request, exc: Exception) -> ProblemResponse:
    if is_outage(exc):
        return await _on_dependency_outage(request, exc)
    return await _on_unexpected(request, exc)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    for possible_outage in (DBAPIError, PoolTimeoutError, OSError, RedisError):
        app.add_exception_handler(possible_outage, _on_possible_outage)
    app.add_exception_handler(Exception, _on_unexpected)


PROBLEM_DESCRIPTIONS = {
    400: "Malformed request",
    401: "Missing or invalid API key",
    403: "The key lacks the required scope",
    404: "Not found (or not visible to this key's agency)",
    405: "Method not allowed",
    409: "Conflict with the current state",
    413: "Request body too large",
    422: "Invalid input; `errors` names each field",
    429: "Rate limit exceeded; see Retry-After",
    503: "A backing store is unavailable; see Retry-After",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries declaring problem+json errors for a route."""
    return {
        status: {
            "model": Problem,
            "description": PROBLEM_DESCRIPTIONS.get(status, HTTPStatus(status).phrase),
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
