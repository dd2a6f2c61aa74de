"""Issue 15: webhook URLs go only to public addresses in production (WEBHOOK_PUBLIC_ADDRESSES_ONLY
on here), without userinfo: refused at registration, and checked again at each delivery on the
addresses the name resolves to, the try connecting to the checked address."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from tests.conftest import running
from tests.review_helpers import Desk, complaint
from tests.test_webhooks import Deliveries, answer, attempts, register
from tests.webhook_receiver import webhook_receiver

REFUSED = [
    "https://user:secret@portal.example.ru/otklik",
    "https://portal.example.ru@127.0.0.1/otklik",
    "https://127.0.0.1/otklik",
    "https://localhost/otklik",
    "https://api.localhost/otklik",
    "https://10.1.2.3/otklik",
    "https://192.168.0.10/otklik",
    "https://172.16.5.4/otklik",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/otklik",
    "https://0.0.0.0/otklik",
    "https://[::1]/otklik",
    "https://[fe80::1]/otklik",
    "https://[fd00::1]/otklik",
    "https://[::ffff:127.0.0.1]/otklik",
    "https://224.0.0.1/otklik",
]


@pytest.fixture
def deliveries(
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> Deliveries:
    return Deliveries(feedback_app, feedback_settings, sessionmaker)


async def put_url(client: httpx.AsyncClient, desk: Desk, url: str) -> httpx.Response:
    return await client.put("/api/v1/webhooks/endpoint", json={"url": url}, headers=desk.portal)


@pytest.fixture
async def guarded(settings_overrides: dict[str, Any]) -> AsyncIterator[httpx.AsyncClient]:
    """feedback-api as in production: public webhook addresses only."""
    settings = FeedbackSettings(**settings_overrides, WEBHOOK_PUBLIC_ADDRESSES_ONLY=True)
    async with running(create_feedback_app(settings)) as client:
        yield client


@pytest.mark.parametrize("url", REFUSED)
async def test_a_webhook_url_to_a_non_public_address_or_with_userinfo_is_refused(
    guarded: httpx.AsyncClient, desk: Desk, url: str
) -> None:
    response = await guarded.put(
        "/api/v1/webhooks/endpoint", json={"url": url}, headers=desk.portal
    )

    assert response.status_code == 422, response.text
    assert [(e["field"], e["type"]) for e in response.json()["errors"]] == [("url", "address")]
    absent = await guarded.get("/api/v1/webhooks/endpoint", headers=desk.portal)
    assert absent.status_code == 404


async def test_a_webhook_url_to_a_public_address_is_registered(
    guarded: httpx.AsyncClient, desk: Desk
) -> None:
    url = "https://93.184.216.34/otklik/answers"

    response = await guarded.put(
        "/api/v1/webhooks/endpoint", json={"url": url}, headers=desk.portal
    )

    assert response.status_code == 200, response.text
    assert response.json()["url"] == url


async def test_delivery_checks_the_address_again_and_sends_nothing_to_a_private_one(
    feedback: httpx.AsyncClient,
    desk: Desk,
    deliveries: Deliveries,
) -> None:
    async with webhook_receiver() as receiver:
        # registered while the check was off; production turns it on before the delivery
        await register(feedback, desk.portal, receiver.url)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()

        assert await deliveries.round(webhook_public_addresses_only=True) == 1

    assert receiver.requests == []
    [attempt] = await attempts(feedback, desk.portal, feedback_id)
    assert attempt["delivered"] is False
    assert attempt["status_code"] is None
    assert attempt["error"].startswith("refused: ")


async def test_a_delivery_by_name_connects_to_the_resolved_address_with_the_names_host(
    feedback: httpx.AsyncClient,
    desk: Desk,
    deliveries: Deliveries,
) -> None:
    async with webhook_receiver() as receiver:
        by_name = receiver.url.replace("127.0.0.1", "localhost")
        await register(feedback, desk.portal, by_name)
        feedback_id = await complaint(feedback, desk)
        await answer(feedback, desk, feedback_id)
        await deliveries.carry_events()

        assert await deliveries.round() == 1

    [received] = receiver.requests
    port = by_name.split(":")[2].split("/")[0]
    assert received.headers["host"] == f"localhost:{port}"
    [attempt] = await attempts(feedback, desk.portal, feedback_id)
    assert (attempt["delivered"], attempt["url"]) == (True, by_name)
