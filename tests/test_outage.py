"""A database outage is a 503 problem with Retry-After, never a 500 or a false success."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from plans_api.app import create_app
from plans_api.config import PlansSettings
from tests.conftest import running

DEAD_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:9/otklik"
DEAD_REDIS = "redis://127.0.0.1:9/0"


@pytest.fixture
async def plans_without_backends(
    settings_overrides: dict[str, Any],
) -> AsyncIterator[httpx.AsyncClient]:
    settings = PlansSettings(
        **{**settings_overrides, "DATABASE_URL": DEAD_DATABASE, "REDIS_URL": DEAD_REDIS}
    )
    async with running(create_app(settings)) as client:
        yield client


async def test_requests_get_503_problem_with_retry_after(
    plans_without_backends: httpx.AsyncClient,
) -> None:
    response = await plans_without_backends.get(
        "/api/v1/agencies", headers={"Authorization": "Bearer otk_abcdef123456_secret"}
    )

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert response.json()["code"] == "service_unavailable"


async def test_readiness_fails_and_names_both_backends(
    plans_without_backends: httpx.AsyncClient,
) -> None:
    live = await plans_without_backends.get("/healthz")
    ready = await plans_without_backends.get("/readyz")

    assert live.status_code == 200
    assert ready.status_code == 503
    assert "database: unavailable" in ready.json()["detail"]
    assert "redis: unavailable" in ready.json()["detail"]
