"""The live dashboard (seed 004): the last 24 hours from hourly aggregates counted exactly once,
and alerts where CSAT fell against the 7 days before on enough responses."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from otklik_kit.events.transport import EVENTS_JOB
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import Catalog
from tests.report_helpers import relay_feedback


async def post(
    feedback: httpx.AsyncClient,
    portal: dict[str, str],
    service_id: str,
    ago: timedelta,
    channel: str,
    *ratings: int,
) -> None:
    for rating in ratings:
        body: dict[str, Any] = {
            "service_id": service_id,
            "stage": "application",
            "channel": channel,
            "rating": rating,
            "occurred_at": (datetime.now(UTC) - ago).isoformat(),
        }
        response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
        assert response.status_code == 201, response.text


async def test_dashboard_alerts_where_csat_fell_against_the_week_before(
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    portal: dict[str, str],
    make_key: KeyMaker,
) -> None:
    three_days, two_hours = timedelta(days=3), timedelta(hours=2)
    # the week before: MFC twenty 5s, EPGU three 5s — everyone satisfied
    await post(feedback, portal, catalog.service_id, three_days, "mfc", *[5] * 20)
    await post(feedback, portal, catalog.service_id, three_days, "epgu", 5, 5, 5)
    # the last 24 hours: MFC ten 5s and ten 1s (50 %), EPGU three 1s (too few for an alert)
    await post(feedback, portal, catalog.service_id, two_hours, "mfc", *[5] * 10, *[1] * 10)
    await post(feedback, portal, catalog.service_id, two_hours, "epgu", 1, 1, 1)
    # another agency's feedback stays out of this agency's dashboard
    await post(feedback, portal, catalog.other_service_id, two_hours, "mfc", 1)
    await relay_feedback(feedback_app)
    await drain_worker(reporting_settings)
    agency_key = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(catalog.agency_id)))

    board = await reporting.get("/api/v1/dashboard", headers=agency_key)
    stricter = await reporting.get(
        "/api/v1/dashboard", params={"min_responses": 3}, headers=agency_key
    )
    other = await reporting.get(
        "/api/v1/dashboard", params={"agency_id": catalog.other_agency_id}, headers=agency_key
    )

    assert board.status_code == 200, board.text
    data = board.json()
    # 23 in the window: 10 of them 4–5 → 43.5 %; 23 in the baseline, all 5s → 100 %
    assert data["total"] == {
        "responses": 23,
        "csat": 43.5,
        "average_rating": 2.74,  # (10×5 + 13×1) / 23 = 63 / 23
        "baseline_responses": 23,
        "baseline_csat": 100.0,
        "change": -56.5,
    }
    channels = {row["key"]: row for row in data["by_channel"]}
    assert (channels["mfc"]["csat"], channels["mfc"]["change"]) == (50.0, -50.0)
    assert (channels["epgu"]["responses"], channels["epgu"]["csat"]) == (3, 0.0)
    assert sum(point["responses"] for point in data["hourly"]) == 23
    assert len(data["hourly"]) == 24
    # overall, the service and the stage fell 56.5 п.п. on 23 responses, the MFC 50 on 20;
    # the EPGU fell 100 п.п. but on 3 responses, under the minimum of 20
    assert [(a["dimension"], a["key"], a["drop"]) for a in data["alerts"]] == [
        ("overall", "", 56.5),
        ("service", catalog.service_id, 56.5),
        ("stage", "application", 56.5),
        ("channel", "mfc", 50.0),
    ]
    assert data["alerts"][3]["message"] == (
        "CSAT в канале «МФЦ» за 24 часа — 50 % против 100 % за предыдущие 7 дней: "
        "на 50 п.п. ниже (20 ответов)."
    )
    assert ("channel", "epgu") in {(a["dimension"], a["key"]) for a in stricter.json()["alerts"]}
    assert other.status_code == 404


async def test_hourly_aggregates_count_a_redelivered_batch_once(
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    portal: dict[str, str],
    redis: ArqRedis,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post(feedback, portal, catalog.service_id, timedelta(hours=1), "mfc", 5, 4, 2)
    await relay_feedback(feedback_app)
    await drain_worker(reporting_settings)
    [delivered] = [
        r for r in await redis.all_job_results() if r.args[0][0]["type"] == "feedback.received"
    ]
    await redis.enqueue_job(
        EVENTS_JOB, delivered.args[0], _job_id="again", _queue_name="otklik:reporting"
    )
    await drain_worker(reporting_settings)

    async with sessionmaker() as session:
        row = (
            await session.execute(
                text(
                    "SELECT sum(responses), sum(rating_5), sum(rating_4), sum(rating_2) "
                    "FROM reporting.feedback_hourly"
                )
            )
        ).one()
    assert tuple(row) == (3, 1, 1, 1)
