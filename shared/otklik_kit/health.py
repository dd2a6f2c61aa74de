"""Operational endpoints every service serves: liveness, readiness and Prometheus metrics."""

import asyncio
from typing import Literal

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine

from otklik_kit.migrations import current_revision
from otklik_kit.problems import problem_response, problem_responses

router = APIRouter(tags=["operations"])
CHECK_TIMEOUT_SECONDS = 3.0


class Liveness(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    checks: dict[str, str]


@router.get("/healthz", operation_id="healthz", summary="Liveness: the process is up")
async def healthz() -> Liveness:
    """Answers as long as the process serves requests."""
    return Liveness()


async def _check_database(request: Request) -> str:
    engine: AsyncEngine = request.app.state.engine
    expected: dict[str, str | None] = request.app.state.expected_revisions
    async with engine.connect() as connection:
        for schema, head in expected.items():
            applied = await current_revision(connection, schema)
            if applied != head:
                return f"schema {schema} at {applied}, expected {head}: run `otklik migrate`"
    return "ok"


async def _check_redis(request: Request) -> str:
    await request.app.state.redis.ping()
    return "ok"


# Redis is checked and reported, not required: every API serves without it (events wait in the
# outbox), so a Redis outage must not take all replicas out of the load balancer at once
REQUIRED_CHECKS = ("database",)


@router.get(
    "/readyz",
    operation_id="readyz",
    summary="Readiness: database reachable and migrations applied; Redis reported",
    response_model=Readiness,
    responses=problem_responses(503),
)
async def readyz(request: Request) -> Readiness | Response:
    """Ready when PostgreSQL answers and this service's migrations are at head. Redis is checked
    and reported in `checks`; while it is away the service stays ready (requests are served,
    events wait in the outbox) — a 503 names every failing check."""
    checks: dict[str, str] = {}
    for name, check in (("database", _check_database), ("redis", _check_redis)):
        try:
            checks[name] = await asyncio.wait_for(check(request), CHECK_TIMEOUT_SECONDS)
        except Exception as exc:
            checks[name] = f"unavailable: {type(exc).__name__}"
    if all(checks[name] == "ok" for name in REQUIRED_CHECKS):
        return Readiness(checks=checks)
    failing = "; ".join(f"{k}: {v}" for k, v in checks.items() if v != "ok")
    return problem_response(
        status=503,
        code="not_ready",
        title="Not ready",
        detail=failing,
        instance="/readyz",
        headers={"Retry-After": "5"},
    )


@router.get(
    "/metrics",
    operation_id="metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Metrics"}},
)
async def metrics() -> Response:
    """Prometheus text exposition of this process's metrics."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
