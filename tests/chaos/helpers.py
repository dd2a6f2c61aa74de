"""What the fault tests share: load against a real server, waiting with a deadline, the figures
each test prints, and the check that the aggregates equal a clean run over the stored feedback."""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from reporting_worker.aggregates.models import CRITERIA
from tests.feedback_helpers import Catalog, feedback_body
from tests.processes import Child

CHANNELS = ("regional_portal", "mfc", "epgu")
REPORTING_QUEUE = "otklik:reporting"
NIL = "'00000000-0000-0000-0000-000000000000'::uuid"


def varied_bodies(catalog: Catalog, count: int, tag: str) -> list[dict[str, Any]]:
    """Feedback spread over ratings, stages, channels, criteria and comments, so a feedback
    counted twice or lost shows in more than one counter."""
    return [
        feedback_body(
            catalog,
            rating=i % 5 + 1,
            stage=catalog.stages[i % len(catalog.stages)],
            channel=CHANNELS[i % len(CHANNELS)],
            criteria={"queue_wait": (i + 2) % 5 + 1} if i % 2 else {},
            comment=f"{tag}: отзыв номер {i}" if i % 3 == 0 else None,
        )
        for i in range(count)
    ]


@dataclass
class Sent:
    """The answers to a load: status per request (None: no answer, the connection broke)."""

    statuses: list[int | None]
    ids: list[str | None]

    def count(self, status: int | None) -> int:
        return self.statuses.count(status)


async def post_all(
    url: str,
    headers: dict[str, str],
    bodies: Sequence[dict[str, Any]],
    *,
    concurrency: int = 16,
    idempotency_keys: Sequence[str] | None = None,
) -> Sent:
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)

    async def one(client: httpx.AsyncClient, index: int) -> tuple[int | None, str | None]:
        extra = {"Idempotency-Key": idempotency_keys[index]} if idempotency_keys else {}
        async with gate:
            try:
                response = await client.post(
                    "/api/v1/feedback", json=bodies[index], headers={**headers, **extra}
                )
            except httpx.TransportError:
                return None, None
        created = response.status_code == 201
        return response.status_code, response.json()["id"] if created else None

    async with httpx.AsyncClient(
        base_url=url, timeout=30, limits=limits, trust_env=False
    ) as client:
        answers = await asyncio.gather(*(one(client, i) for i in range(len(bodies))))
    return Sent([status for status, _ in answers], [id_ for _, id_ in answers])


async def post_batch(url: str, headers: dict[str, str], bodies: Sequence[dict[str, Any]]) -> int:
    """Posts through the batch endpoint (one commit for up to its batch size); returns how many
    were accepted."""
    async with httpx.AsyncClient(base_url=url, timeout=60, trust_env=False) as client:
        response = await client.post(
            "/api/v1/feedback/batch", json={"items": list(bodies)}, headers=headers
        )
    assert response.status_code == 200, response.text
    accepted: int = response.json()["accepted"]
    return accepted


async def wait_for(
    probe: Callable[[], Awaitable[bool]],
    *,
    what: str,
    within: float,
    children: Sequence[Child] = (),
    every: float = 0.1,
) -> float:
    """Polls until `probe` holds; returns the seconds it took. Fails at the deadline, or at once
    when one of `children` died."""
    started = time.monotonic()
    while not await probe():
        for child in children:
            if not child.alive():
                raise child.failure(f"died while waiting for {what}")
        if time.monotonic() - started > within:
            raise AssertionError(f"not within {within:.0f} s: {what}")
        await asyncio.sleep(every)
    return time.monotonic() - started


def figures(title: str, **values: object) -> None:
    """The figures of a fault test, on one line (shown with `pytest -s`, as `make chaos` runs)."""
    shown = ", ".join(
        f"{name}={value:.2f}" if isinstance(value, float) else f"{name}={value}"
        for name, value in values.items()
    )
    print(f"\n[chaos] {title}: {shown}", flush=True)


@dataclass(frozen=True)
class Tally:
    stored: int  # feedback rows committed by feedback-api
    unsent: int  # outbox rows not yet handed to Redis
    applied: int  # feedback.received events in the reporting inbox
    aggregated: int  # responses counted in the daily aggregates

    @property
    def lost(self) -> int:
        return max(self.stored - self.aggregated, 0)

    @property
    def duplicated(self) -> int:
        return max(self.aggregated - self.stored, 0)


TALLY = """
SELECT (SELECT count(*) FROM feedback.feedback),
       (SELECT count(*) FROM feedback.outbox WHERE sent_at IS NULL),
       (SELECT count(*) FROM reporting.processed_events WHERE type = 'feedback.received'),
       (SELECT coalesce(sum(responses), 0) FROM reporting.feedback_daily)
"""


async def tally(sessionmaker: async_sessionmaker[AsyncSession]) -> Tally:
    async with sessionmaker() as session:
        row = (await session.execute(text(TALLY))).one()
    return Tally(*(int(value) for value in row))


def _clean_run_query() -> str:
    """The daily aggregates as a clean run computes them from the stored feedback, compared
    with what the worker built: every row that differs, either way."""
    key = "day, agency_id, service_id, stage, channel, touchpoint_id"
    counters = [
        "count(*) AS responses",
        *(f"count(*) FILTER (WHERE rating = {r}) AS rating_{r}" for r in range(1, 6)),
        *(f"coalesce(sum(criterion_{c}), 0) AS {c}_sum" for c in CRITERIA),
        *(f"count(criterion_{c}) AS {c}_count" for c in CRITERIA),
        "count(*) FILTER (WHERE comment <> '') AS comments",
    ]
    names = ", ".join(counter.rsplit(" AS ", 1)[1] for counter in counters)
    return f"""
WITH clean AS (
  SELECT ((occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date AS day, agency_id,
         coalesce(service_id, {NIL}) AS service_id, coalesce(stage::text, '') AS stage,
         channel::text AS channel, coalesce(touchpoint_id, {NIL}) AS touchpoint_id,
         {", ".join(counters)}
    FROM feedback.feedback GROUP BY 1, 2, 3, 4, 5, 6),
built AS (SELECT {key}, {names} FROM reporting.feedback_daily)
(SELECT 'missing' AS side, * FROM (SELECT * FROM clean EXCEPT SELECT * FROM built) AS m)
UNION ALL
(SELECT 'extra', * FROM (SELECT * FROM built EXCEPT SELECT * FROM clean) AS e)
"""


CLEAN_RUN = _clean_run_query()


async def differences_from_a_clean_run(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> list[tuple[Any, ...]]:
    async with sessionmaker() as session:
        return [tuple(row) for row in (await session.execute(text(CLEAN_RUN))).all()]
