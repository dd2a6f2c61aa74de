"""Idempotency-Key on ingest: replays, conflicts, concurrent duplicates, and batches."""

import asyncio
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, feedback_body


async def stored(sessionmaker: async_sessionmaker[AsyncSession], table: str) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(text(f"SELECT count(*) FROM feedback.{table}")) or 0)


async def post(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any], key: str
) -> httpx.Response:
    return await client.post(
        "/api/v1/feedback", json=body, headers={**headers, "Idempotency-Key": key}
    )


async def test_the_same_key_and_body_returns_the_original_receipt(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    body = feedback_body(catalog)
    first = await post(feedback, portal, body, "retry-1")
    again = await post(feedback, portal, body, "retry-1")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await stored(sessionmaker, "feedback") == 1
    assert await stored(sessionmaker, "outbox") == 1


async def test_the_same_key_with_another_body_is_a_422(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    await post(feedback, portal, feedback_body(catalog, rating=4), "retry-2")
    other = await post(feedback, portal, feedback_body(catalog, rating=1), "retry-2")

    assert other.status_code == 422
    assert other.json()["errors"] == [
        {
            "location": "header",
            "field": "Idempotency-Key",
            "message": "this idempotency key was already used with a different request body",
            "type": "idempotency_key_reused",
        }
    ]


async def test_keys_are_per_client(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    make_key: KeyMaker,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    other_portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    body = feedback_body(catalog)

    first = await post(feedback, portal, body, "shared-key")
    second = await post(feedback, other_portal, body, "shared-key")

    assert first.json()["id"] != second.json()["id"]
    assert await stored(sessionmaker, "feedback") == 2


async def test_concurrent_posts_with_one_key_store_one_row(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    body = feedback_body(catalog)

    responses = await asyncio.gather(*(post(feedback, portal, body, "tap-tap") for _ in range(8)))

    statuses = sorted(r.status_code for r in responses)
    created = [r for r in responses if r.status_code == 201]
    # the first is written; the others are told it is still in flight, or get its receipt
    assert set(statuses) <= {201, 409}
    assert len({r.json()["id"] for r in created}) == 1
    assert all(
        r.headers["Retry-After"] == "1" and r.json()["code"] == "conflict"
        for r in responses
        if r.status_code == 409
    )
    assert await stored(sessionmaker, "feedback") == 1


async def test_a_concurrent_post_with_another_body_is_a_409_then_a_422(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    bodies = [feedback_body(catalog, rating=5), feedback_body(catalog, rating=1)]
    responses = await asyncio.gather(*(post(feedback, portal, body, "race") for body in bodies))
    [waited] = [body for body, r in zip(bodies, responses, strict=True) if r.status_code != 201]
    retried = await post(feedback, portal, waited, "race")

    assert sorted(r.status_code for r in responses) == [201, 409]
    assert retried.status_code == 422


async def test_a_post_waiting_on_a_rejected_one_with_its_key_gets_in_on_retry(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    body = feedback_body(catalog)
    invalid, valid = await asyncio.gather(
        post(feedback, portal, feedback_body(catalog, stage="payment"), "wait-for-me"),
        post(feedback, portal, body, "wait-for-me"),
    )
    retried = await post(feedback, portal, body, "wait-for-me")

    # whichever went first, the valid body is never told its key was used by another body
    assert {invalid.status_code, valid.status_code} in ({422, 409}, {409, 201})
    assert valid.status_code != 422
    assert retried.status_code == 201


async def test_a_rejected_post_does_not_burn_its_key(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    rejected = await post(feedback, portal, feedback_body(catalog, stage="payment"), "fix-me")
    fixed = await post(feedback, portal, feedback_body(catalog), "fix-me")

    assert (rejected.status_code, fixed.status_code) == (422, 201)


async def test_a_malformed_key_is_a_422_naming_the_header(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    response = await post(feedback, portal, feedback_body(catalog), "x" * 201)

    assert response.status_code == 422
    assert response.json()["errors"][0]["location"] == "header"
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
