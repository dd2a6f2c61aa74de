"""The ingest writer keeps its connections between batches; one that died with its server (as
in a restart) is replaced without failing the post that finds it dead."""

import asyncio

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.ingest.connections import APPLICATION_NAME
from tests.feedback_helpers import Catalog, feedback_body


async def ingest_backends(sessionmaker: async_sessionmaker[AsyncSession], *, kill: bool) -> int:
    action = "pg_terminate_backend(pid)" if kill else "pid"
    async with sessionmaker() as session:
        rows = await session.execute(
            text(
                f"SELECT {action} FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name = :name"
            ),
            {"name": APPLICATION_NAME},
        )
        return len(rows.all())


async def test_a_post_after_the_writers_connection_died_is_still_accepted(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    first = await feedback.post("/api/v1/feedback", json=feedback_body(catalog), headers=portal)
    held = await ingest_backends(sessionmaker, kill=True)
    for _ in range(100):  # the server ends the backend a moment later
        if not await ingest_backends(sessionmaker, kill=False):
            break
        await asyncio.sleep(0.05)

    second = await feedback.post("/api/v1/feedback", json=feedback_body(catalog), headers=portal)

    assert (first.status_code, second.status_code) == (201, 201), second.text
    assert held == 1
    async with sessionmaker() as session:
        stored = await session.scalar(text("SELECT count(*) FROM feedback.feedback"))
    assert stored == 2
