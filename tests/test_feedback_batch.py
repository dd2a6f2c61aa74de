"""The batch endpoint: up to 1000 items, each accepted or rejected on its own."""

from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.feedback_helpers import Catalog, feedback_body


async def count(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(text("SELECT count(*) FROM feedback.feedback")) or 0)


async def post_batch(
    client: httpx.AsyncClient, headers: dict[str, str], items: list[dict[str, Any]]
) -> httpx.Response:
    return await client.post("/api/v1/feedback/batch", json={"items": items}, headers=headers)


async def test_a_batch_answers_per_item_and_keeps_the_valid_ones(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    items = [
        feedback_body(catalog, rating=5),
        feedback_body(catalog, stage="payment"),
        feedback_body(catalog, rating=1, comment="Отказали без объяснений"),
    ]

    response = await post_batch(feedback, portal, items)

    report = response.json()
    assert response.status_code == 200
    assert (report["accepted"], report["rejected"]) == (2, 1)
    assert [(r["index"], r["status"], r["outcome"]) for r in report["results"]] == [
        (0, 201, "created"),
        (1, 422, "rejected"),
        (2, 201, "created"),
    ]
    assert report["results"][1]["problem"]["errors"][0]["field"] == "items.1.stage"
    assert report["results"][2]["receipt"]["status"] == "acknowledged"
    assert await count(sessionmaker) == 2


async def test_a_resent_batch_stores_nothing_twice(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    items = [feedback_body(catalog, idempotency_key=f"device-7:{n}") for n in range(5)]
    first = await post_batch(feedback, portal, items)
    items.append(feedback_body(catalog, idempotency_key="device-7:5"))

    again = await post_batch(feedback, portal, items)

    outcomes = [r["outcome"] for r in again.json()["results"]]
    assert outcomes == ["replayed"] * 5 + ["created"]
    first_ids = [r["receipt"]["id"] for r in first.json()["results"]]
    assert [r["receipt"]["id"] for r in again.json()["results"][:5]] == first_ids
    assert await count(sessionmaker) == 6


async def test_a_thousand_items_are_taken_and_a_thousand_and_one_refused(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    item = feedback_body(catalog, comment=None)

    taken = await post_batch(feedback, portal, [item] * 1000)
    refused = await post_batch(feedback, portal, [item] * 1001)

    assert taken.json()["accepted"] == 1000
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "items"
    assert await count(sessionmaker) == 1000


async def test_a_malformed_item_is_rejected_alone(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    old = "2020-01-01T10:00:00+03:00"
    items = [
        feedback_body(catalog),
        feedback_body(catalog, rating=7, occurred_at=old),
        {"rating": 5},
    ]

    response = await post_batch(feedback, portal, items)

    results = response.json()["results"]
    assert [r["status"] for r in results] == [201, 422, 422]
    assert [(e["field"], e["type"]) for e in results[1]["problem"]["errors"]] == [
        ("items.1.rating", "less_than_equal"),
        ("items.1.occurred_at", "value_error"),
    ]
    assert {e["field"] for e in results[2]["problem"]["errors"]} == {"items.2.channel"}
    assert await count(sessionmaker) == 1
