"""The rebuild: the aggregates of a period recomputed from feedback-api's records (its export
contract) end with the numbers of a clean exactly-once count, whatever state they were in and
whatever events are still queued."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from otklik_shared.measures import MOSCOW
from reporting_worker.aggregates.feedback_records import feedback_records
from reporting_worker.aggregates.rebuild import (
    RebuildInProgress,
    RebuildSummary,
    hold_off_rebuild,
    period_bounds,
    rebuild_aggregates,
)
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import Catalog, feedback_body
from tests.test_classification_flow import (
    PRAISE,
    QUEUE_COMPLAINT,
    RUDE_COMPLAINT,
    post_all,
    relay_all,
    rows,
)

NUMBERS = {
    "feedback_daily": "SELECT * FROM reporting.feedback_daily ORDER BY 1, 2, 3, 4, 5, 6",
    "categories": "SELECT * FROM reporting.feedback_category_daily ORDER BY 1, 2, 3, 4, 5, 6, 7",
}


def days_ago(days: int) -> datetime:
    today = datetime.now(MOSCOW).replace(hour=12, minute=0, second=0, microsecond=0)
    return (today - timedelta(days=days)).astimezone(UTC)


def period(first_ago: int, last_ago: int) -> tuple[date, date]:
    return days_ago(first_ago).astimezone(MOSCOW).date(), days_ago(last_ago).astimezone(
        MOSCOW
    ).date()


async def numbers(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, list[Any]]:
    return {name: await rows(sessionmaker, sql) for name, sql in NUMBERS.items()}


async def post_spread(
    catalog: Catalog, feedback: httpx.AsyncClient, portal: dict[str, str]
) -> None:
    """Ten feedback over four days, the oldest outside the rebuilt period (days 1..3 ago)."""
    spread = [
        (10, 5, None, "regional_portal"),
        (3, 1, QUEUE_COMPLAINT, "regional_portal"),
        (3, 2, RUDE_COMPLAINT, "mfc"),
        (3, 5, PRAISE, "mfc"),
        (2, 4, None, "regional_portal"),
        (2, 1, QUEUE_COMPLAINT, "regional_portal"),
        (2, 3, "Сайт завис при оплате госпошлины, деньги списали дважды", "regional_portal"),
        (1, 5, PRAISE, "regional_portal"),
        (1, 2, RUDE_COMPLAINT, "mfc"),
        (1, 4, None, "mfc"),
    ]
    await post_all(
        feedback,
        portal,
        [
            feedback_body(
                catalog,
                rating=rating,
                comment=comment,
                channel=channel,
                criteria={"queue_wait": rating},
                occurred_at=days_ago(ago).isoformat(),
            )
            for ago, rating, comment, channel in spread
        ],
    )


async def rebuild(
    feedback_app: FastAPI,
    sessionmaker: async_sessionmaker[AsyncSession],
    key: str,
    first_day: date,
    last_day: date,
) -> RebuildSummary:
    transport = httpx.ASGITransport(app=feedback_app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://feedback-api", headers=bearer(key)
    ) as client:
        records: AsyncIterator[Any] = feedback_records(client, *period_bounds(first_day, last_day))
        return await rebuild_aggregates(sessionmaker, records, first_day, last_day)


async def test_rebuild_restores_the_numbers_of_a_clean_count(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    portal: dict[str, str],
    make_key: KeyMaker,
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post_spread(catalog, feedback, portal)
    await relay_all(feedback_app)
    await drain_worker(reporting_settings)
    clean = await numbers(sessionmaker)
    first_day, last_day = period(3, 1)

    async with sessionmaker() as session, session.begin():
        # drifted counts inside the period, a category row lost, quotes lost
        await session.execute(
            text("UPDATE reporting.feedback_daily SET responses = responses + 7 WHERE day >= :d"),
            {"d": first_day},
        )
        await session.execute(text("DELETE FROM reporting.feedback_category_daily"))
        await session.execute(text("DELETE FROM reporting.comment_quotes"))
    assert await numbers(sessionmaker) != clean

    key = await make_key(Scope.FEEDBACK_READ)
    summary = await rebuild(feedback_app, sessionmaker, key, first_day, last_day)

    assert (summary.feedback, summary.comments, summary.not_yet_applied) == (9, 7, 0)
    rebuilt = await numbers(sessionmaker)
    # the category rows of the day outside the period were deleted above and stay so
    assert rebuilt["feedback_daily"] == clean["feedback_daily"]
    assert rebuilt["categories"] == [r for r in clean["categories"] if r[0] >= first_day]
    quotes = await rows(
        sessionmaker,
        "SELECT day, channel, count(*), min(rating) FROM reporting.comment_quotes"
        " GROUP BY day, channel ORDER BY day, channel",
    )
    # every day and channel with comments has its quotes back, complaints first
    assert [(day, channel, n) for day, channel, n, _ in quotes] == [
        (first_day, "mfc", 2),
        (first_day, "regional_portal", 1),
        (first_day + timedelta(days=1), "regional_portal", 2),
        (last_day, "mfc", 1),
        (last_day, "regional_portal", 1),
    ]


async def test_rebuild_while_events_are_queued_counts_each_feedback_once(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    portal: dict[str, str],
    make_key: KeyMaker,
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post_spread(catalog, feedback, portal)
    await relay_all(feedback_app)  # every event is queued; the worker has applied none
    first_day, last_day = period(3, 1)

    summary = await rebuild(
        feedback_app, sessionmaker, await make_key(Scope.FEEDBACK_READ), first_day, last_day
    )
    assert (summary.feedback, summary.not_yet_applied) == (9, 9)
    await drain_worker(reporting_settings)  # the queued events arrive after the rebuild

    [(period_responses, all_responses, comments)] = await rows(
        sessionmaker,
        "SELECT sum(responses) FILTER (WHERE day >= CURRENT_DATE - 4), sum(responses),"
        " sum(comments) FROM reporting.feedback_daily",
    )
    # nine in the period (counted by the rebuild, their events dropped as repeats) and the one
    # outside it (counted live)
    assert (period_responses, all_responses, comments) == (9, 10, 7)
    # the rebuild announced the classifications the dropped events would have
    [(announced,)] = await rows(
        sessionmaker,
        "SELECT count(DISTINCT event_id) FROM reporting.outbox WHERE type = 'feedback.classified'",
    )
    assert announced == 7


async def test_live_batches_step_aside_while_a_rebuild_holds_the_lock(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker() as rebuilding, rebuilding.begin():
        await rebuilding.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x4F544B4C5245})
        async with sessionmaker() as live, live.begin():
            with pytest.raises(RebuildInProgress):
                await hold_off_rebuild(live)
    async with sessionmaker() as live, live.begin():
        await hold_off_rebuild(live)  # free again once the rebuild committed


async def test_records_contract_masks_comments_and_respects_agency_binding(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    portal: dict[str, str],
    make_key: KeyMaker,
) -> None:
    await post_all(feedback, portal, [feedback_body(catalog, rating=2, comment=RUDE_COMPLAINT)])
    start, end = period_bounds(*period(1, 0))
    params = {"occurred_from": start.isoformat(), "occurred_to": end.isoformat()}

    own = bearer(await make_key(Scope.FEEDBACK_READ, agency_id=uuid.UUID(catalog.agency_id)))
    other = bearer(
        await make_key(Scope.FEEDBACK_READ, agency_id=uuid.UUID(catalog.other_agency_id))
    )
    listed = await feedback.get("/api/v1/feedback-records", params=params, headers=own)
    assert listed.status_code == 200, listed.text
    [record] = listed.json()["items"]
    assert "345-67-89" not in record["comment"]
    assert "+7" not in record["comment"]
    assert record["rating"] == 2
    foreign = await feedback.get("/api/v1/feedback-records", params=params, headers=other)
    assert foreign.json()["items"] == []

    reversed_range = {"occurred_from": end.isoformat(), "occurred_to": start.isoformat()}
    refused = await feedback.get("/api/v1/feedback-records", params=reversed_range, headers=own)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "occurred_to"
