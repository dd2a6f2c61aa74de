"""FORWARDED_ALLOW_IPS: X-Forwarded-For counts for the per-address limits only when the peer is
a configured proxy; a spoofed header from anyone else changes nothing."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from tests.survey_helpers import VALID_ANSWERS, respondent_token

PROXY = "10.20.0.5"
LIMIT = 2


@asynccontextmanager
async def limited_app(
    settings_overrides: dict[str, Any], forwarded_allow_ips: str
) -> AsyncIterator[FastAPI]:
    settings = FeedbackSettings(
        **settings_overrides,
        SURVEY_RATE_LIMIT_PER_MINUTE=LIMIT,
        FORWARDED_ALLOW_IPS=forwarded_allow_ips,
    )
    app = create_app(settings)
    # the limit counts per minute of the clock: start well inside one, so hits are not split
    if (second := time.time() % 60) > 55:
        await asyncio.sleep(60.5 - second)
    async with app.router.lifespan_context(app):
        yield app


def peer(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def _answers(
    client: httpx.AsyncClient, run: dict[str, Any], forwarded_for: list[str], *, first: int = 0
) -> list[int]:
    statuses = []
    for number, address in enumerate(forwarded_for, start=first):
        response = await client.post(
            f"{run['public_url']}/responses",
            json={
                "respondent_token": respondent_token(run, f"respondent-{number:016d}"),
                "answers": VALID_ANSWERS,
            },
            headers={"X-Forwarded-For": address},
        )
        statuses.append(response.status_code)
    return statuses


async def test_spoofed_forwarded_for_from_a_peer_not_a_proxy_is_ignored(
    settings_overrides: dict[str, Any], run: dict[str, Any]
) -> None:
    async with limited_app(settings_overrides, PROXY) as app, peer(app, "192.0.2.7") as client:
        statuses = await _answers(client, run, ["198.51.100.1", "198.51.100.2", "198.51.100.3"])
    # all three counted for the peer itself, whatever the header says
    assert statuses == [201, 201, 429]


async def test_forwarded_for_from_a_configured_proxy_counts_each_citizen(
    settings_overrides: dict[str, Any], run: dict[str, Any]
) -> None:
    async with limited_app(settings_overrides, f"{PROXY},10.30.0.0/16") as app:
        async with peer(app, PROXY) as proxy:
            citizens = await _answers(
                proxy, run, ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]
            )
            # a citizen spoofing the first hop gains nothing: the proxy appends the real peer
            again = await _answers(
                proxy, run, [f"203.0.113.{n}, 198.51.100.9" for n in range(1, 4)], first=10
            )
        async with peer(app, "10.30.4.4") as second_proxy:
            chained = await _answers(second_proxy, run, ["198.51.100.1"] * 2, first=20)
    assert citizens == [201, 201, 201, 201]
    assert again == [201, 201, 429]
    # through a proxy of the trusted network, the same citizen reaches the limit counted so far
    assert chained == [201, 429]


async def test_no_proxy_is_trusted_by_default(settings_overrides: dict[str, Any]) -> None:
    assert FeedbackSettings(**settings_overrides).forwarded_allow_ips == ""
