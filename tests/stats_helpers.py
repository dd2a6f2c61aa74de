"""Shared steps of the report statistics tests: feedback posted in batches of a thousand through
feedback-api, carried to the reporting worker, and a report built through the job API."""

from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from otklik_shared.measures import MOSCOW
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.upstream import Upstream
from tests.report_helpers import drain_reports, relay_feedback

BATCH = 1000


def moscow_moment(day: date, minute: int = 0) -> str:
    return (datetime.combine(day, time(9, 0), MOSCOW) + timedelta(minutes=minute % 600)).isoformat()


def rated(
    service_id: str,
    day: date,
    rating: int,
    *,
    channel: str,
    stage: str = "application",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "service_id": service_id,
        "stage": stage,
        "channel": channel,
        "rating": rating,
        "occurred_at": moscow_moment(day),
        **extra,
    }


def many(count: int, satisfied: int, make: Any) -> list[dict[str, Any]]:
    """`count` bodies, the first `satisfied` rated 5 and the rest 2: CSAT satisfied / count."""
    return [make(5 if n < satisfied else 2) for n in range(count)]


async def post_all(
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    portal: dict[str, str],
    items: list[dict[str, Any]],
) -> None:
    for start in range(0, len(items), BATCH):
        response = await feedback.post(
            "/api/v1/feedback/batch", json={"items": items[start : start + BATCH]}, headers=portal
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["rejected"] == 0, result["results"][:3]
    await relay_feedback(feedback_app)


async def build(
    reporting: httpx.AsyncClient,
    settings: ReportingSettings,
    upstream: Upstream,
    headers: dict[str, str],
    body: dict[str, Any],
) -> dict[str, Any]:
    await drain_reports(settings, upstream)  # the catalog and the feedback, counted
    queued = await reporting.post("/api/v1/reports", json=body, headers=headers)
    assert queued.status_code == 202, queued.text
    await drain_reports(settings, upstream)
    done = await reporting.get(f"/api/v1/reports/{queued.json()['id']}", headers=headers)
    job: dict[str, Any] = done.json()
    assert job["status"] == "done", job["error"]
    report: dict[str, Any] = job["report"]
    return report
