"""One Idempotency-Key posted many times at once against real servers (two replicas of
feedback-api on one database, as behind a load balancer): one row, whatever the race."""

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.chaos.helpers import figures
from tests.feedback_helpers import Catalog, feedback_body
from tests.processes import OtklikProcess, Processes

pytestmark = pytest.mark.chaos

PARALLEL = 64
# a wider group-commit window keeps the first write in flight while the others arrive
REPLICA_ENV = {"INGEST_BATCH_WAIT_MS": "50"}


async def test_parallel_posts_with_one_key_store_one_row(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    replicas = await _replicas(processes)
    body = feedback_body(catalog, rating=2, comment="Долго ждал ответа")

    responses = await _race(replicas, portal, [body] * PARALLEL, key="tap-tap-tap")
    async with _client() as client:
        retried = await _post(client, replicas[0], portal, body, "tap-tap-tap")
        changed = await _post(client, replicas[1], portal, {**body, "rating": 5}, "tap-tap-tap")

    created = [r for r in responses if r.status_code == 201]
    busy = [r for r in responses if r.status_code == 409]
    stored = await _stored(sessionmaker)
    figures(
        "one idempotency key, parallel posts on two replicas",
        posted=PARALLEL,
        answered_201=len(created),
        replayed=sum(r.headers.get("Idempotent-Replayed") == "true" for r in created),
        in_flight_409=len(busy),
        rows_stored=len(stored),
    )
    assert sorted({r.status_code for r in responses}) in ([201], [201, 409])
    assert busy, "no request saw the first one still in flight"
    assert all(
        r.headers["content-type"] == "application/problem+json"
        and r.headers["retry-after"] == "1"
        and r.json()["code"] == "conflict"
        for r in busy
    )
    assert len(stored) == 1
    assert {r.json()["id"] for r in created} == {stored[0][0]}
    assert (retried.status_code, retried.json()["id"]) == (201, stored[0][0])
    assert retried.headers["Idempotent-Replayed"] == "true"
    assert changed.status_code == 422
    assert changed.json()["errors"][0]["field"] == "Idempotency-Key"


async def test_parallel_posts_of_two_bodies_with_one_key_store_one_of_them(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    replicas = await _replicas(processes)
    two = [feedback_body(catalog, rating=rating, comment=None) for rating in (1, 5)]
    bodies = [two[i % 2] for i in range(PARALLEL)]

    responses = await _race(replicas, portal, bodies, key="two-bodies")

    stored = await _stored(sessionmaker)
    statuses = [r.status_code for r in responses]
    figures(
        "one idempotency key, two bodies in parallel on two replicas",
        posted=PARALLEL,
        answered_201=statuses.count(201),
        other_body_422=statuses.count(422),
        in_flight_409=statuses.count(409),
        rows_stored=len(stored),
    )
    assert len(stored) == 1
    [(stored_id, stored_rating)] = stored
    assert set(statuses) <= {201, 409, 422}
    for body, response in zip(bodies, responses, strict=True):
        if response.status_code == 201:
            # only the body that was stored gets a receipt, and it is the stored one
            assert (body["rating"], response.json()["id"]) == (stored_rating, stored_id)
        elif response.status_code == 422:
            assert body["rating"] != stored_rating
            assert response.json()["errors"][0]["type"] == "idempotency_key_reused"
    assert statuses.count(422) > 0


async def _replicas(processes: Processes) -> list[OtklikProcess]:
    replicas = [processes.otklik("feedback-api", env=REPLICA_ENV) for _ in range(2)]
    for replica in replicas:
        await replica.wait_ready()
    return replicas


def _client() -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=PARALLEL)
    return httpx.AsyncClient(timeout=30, limits=limits, trust_env=False)


async def _post(
    client: httpx.AsyncClient,
    replica: OtklikProcess,
    headers: dict[str, str],
    body: dict[str, Any],
    key: str,
) -> httpx.Response:
    return await client.post(
        f"{replica.url}/api/v1/feedback", json=body, headers={**headers, "Idempotency-Key": key}
    )


async def _race(
    replicas: list[OtklikProcess],
    headers: dict[str, str],
    bodies: list[dict[str, Any]],
    *,
    key: str,
) -> list[httpx.Response]:
    """Every body at once, alternating between the replicas, on connections opened beforehand."""
    async with _client() as client:
        await asyncio.gather(*(client.get(f"{r.url}/healthz") for r in replicas * PARALLEL))
        return list(
            await asyncio.gather(
                *(
                    _post(client, replicas[i % len(replicas)], headers, body, key)
                    for i, body in enumerate(bodies)
                )
            )
        )


async def _stored(sessionmaker: async_sessionmaker[AsyncSession]) -> list[tuple[str, int]]:
    async with sessionmaker() as session:
        rows = await session.execute(text("SELECT id::text, rating FROM feedback.feedback"))
    return [(row[0], row[1]) for row in rows]
