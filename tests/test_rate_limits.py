"""Per-key rate limits: a key over its rate gets 429 with Retry-After; other keys go on."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from otklik_kit.auth.scopes import Scope
from plans_api.app import create_app
from plans_api.config import PlansSettings
from tests.conftest import KeyMaker, bearer, running


@pytest.fixture
async def plans_limited(settings_overrides: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    settings = PlansSettings(**settings_overrides, RATE_LIMIT_PER_SECOND=0.5, RATE_LIMIT_BURST=3)
    async with running(create_app(settings)) as client:
        yield client


async def test_a_key_over_its_rate_is_told_when_to_come_back(
    plans_limited: httpx.AsyncClient, make_key: KeyMaker
) -> None:
    busy = bearer(await make_key(Scope.PLANS_READ))
    calm = bearer(await make_key(Scope.PLANS_READ))

    statuses = [
        (await plans_limited.get("/api/v1/agencies", headers=busy)).status_code for _ in range(4)
    ]
    refused = await plans_limited.get("/api/v1/agencies", headers=busy)
    other = await plans_limited.get("/api/v1/agencies", headers=calm)

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 2
    assert other.status_code == 200
