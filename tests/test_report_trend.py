"""The 12-month trend and the per-service breakdown of an agency's report, number by number
against SQL over the raw feedback rows; the month still in progress labelled, a future one
refused."""

from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_shared.measures import MOSCOW
from reporting_worker.config import ReportingSettings
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog, sync_catalog
from tests.report_helpers import service_key, today, upstream_on
from tests.stats_helpers import build, post_all, rated

PLANTED = 8  # of the twelve months, oldest 0: the month CSAT fell


def month_start(offset: int) -> date:
    first = today().replace(day=1)
    index = first.year * 12 + first.month - 1 + offset
    return date(index // 12, index % 12 + 1, 1)


def day_in(month: date) -> tuple[date, str]:
    """The 10th of a past month; in the current month today, just after midnight."""
    if month == today().replace(day=1):
        day = today()
        return day, datetime.combine(day, time(0, 5), MOSCOW).isoformat()
    day = month.replace(day=10)
    return day, datetime.combine(day, time(11, 0), MOSCOW).isoformat()


def month_of(index: int, service_a: str, service_b: str) -> list[dict[str, Any]]:
    day, moment = day_in(month_start(index - 11))
    a_satisfied = 10 if index == PLANTED else 30
    items = []
    for n in range(40):
        good = n < a_satisfied
        items.append(
            rated(
                service_a,
                day,
                5 if good else (2 if n % 2 else 3),
                channel="mfc",
                criteria={"queue_wait": 4 if good else 2 + n % 2},
                occurred_at=moment,
            )
        )
    for n in range(20):
        good = n < 12
        items.append(
            rated(
                service_b,
                day,
                4 if good else 1,
                channel="epgu",
                stage="result",
                criteria={"info_availability": 5 - n % 3},
                occurred_at=moment,
            )
        )
    return items


MONTHLY_SQL = """
SELECT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Moscow')::date AS month,
       count(*), count(*) FILTER (WHERE rating >= 4), sum(rating),
       sum(criterion_queue_wait), count(criterion_queue_wait),
       sum(criterion_info_availability), count(criterion_info_availability)
FROM feedback.feedback WHERE agency_id = :agency GROUP BY 1 ORDER BY 1
"""
SERVICE_SQL = """
SELECT service_id, count(*), count(*) FILTER (WHERE rating >= 4), sum(rating)
FROM feedback.feedback
WHERE agency_id = :agency AND (occurred_at AT TIME ZONE 'Europe/Moscow')::date
      BETWEEN :first AND :last
GROUP BY 1
"""


async def test_trend_and_services_of_an_agency_report_equal_sql_over_the_raw_rows(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    portal: dict[str, str],
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    other = await create_service(
        plans, admin_headers, catalog.agency_id, title="Выдача справки о составе семьи"
    )
    await sync_catalog(plans_app, feedback_settings)
    items = [
        item for index in range(12) for item in month_of(index, catalog.service_id, other["id"])
    ]
    await post_all(feedback, feedback_app, portal, items)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    this_month = f"{today():%Y-%m}"
    body = {"subject_kind": "agency", "subject_id": catalog.agency_id, "month": this_month}
    report = await build(reporting, reporting_settings, upstream, admin_headers, body)

    async with sessionmaker() as session:
        params = {"agency": catalog.agency_id}
        monthly = (await session.execute(text(MONTHLY_SQL), params)).all()
        first, last = month_start(0), today()
        by_service = {
            str(row[0]): row
            for row in await session.execute(
                text(SERVICE_SQL), {**params, "first": first, "last": last}
            )
        }
        before = {
            str(row[0]): row
            for row in await session.execute(
                text(SERVICE_SQL),
                {**params, "first": month_start(-1), "last": first - timedelta(days=1)},
            )
        }

    trend = report["trend"]
    assert [p["month"] for p in trend] == [str(month_start(n - 11)) for n in range(12)]
    assert len(monthly) == 12
    # sums from SQL, divided and rounded as the report does (Python's round, half to even)
    for point, (month, count, satisfied, ratings, queue, queue_rated, info, info_rated) in zip(
        trend, monthly, strict=True
    ):
        criteria = {c["criterion"]: c for c in point["criteria"]}
        assert point["month"] == str(month)
        assert point["responses"] == count
        assert point["csat"] == round(100 * satisfied / count, 1)
        assert point["average_rating"] == round(ratings / count, 2)
        assert criteria["queue_wait"]["average"] == round(queue / queue_rated, 2)
        assert criteria["queue_wait"]["rated"] == queue_rated
        assert criteria["info_availability"]["average"] == round(info / info_rated, 2)
        assert point["csat_interval"]["low"] < point["csat"] < point["csat_interval"]["high"]
    # the planted fall (42 → 22 of 60) and the recovery after it, and nothing else, marked
    marked = [n for n, p in enumerate(trend) if p["change"]["verdict"] == "significant"]
    assert marked == [PLANTED, PLANTED + 1]
    assert trend[PLANTED]["change"]["weight"] < 0 < trend[PLANTED + 1]["change"]["weight"]
    assert trend[-1]["incomplete"] is True
    assert report["period"]["incomplete"] is True
    assert report["period"]["label"].endswith("(неполный месяц)")
    assert any(c.startswith("За 12 месяцев CSAT значимо менялся") for c in report["conclusions"])

    # per service: worst first (60 % of 20 below 75 % of 40), each equal to the raw rows
    ranked = report["by_service"]
    assert [row["id"] for row in ranked] == [other["id"], catalog.service_id]
    assert [row["rank"] for row in ranked] == [1, 2]
    for row in ranked:
        _, count, satisfied, ratings = by_service[row["id"]]
        _, count_before, satisfied_before, _ = before[row["id"]]
        assert row["responses"] == count
        assert row["csat"] == round(100 * satisfied / count, 1)
        assert row["average_rating"] == round(ratings / count, 2)
        assert row["previous_responses"] == count_before
        assert row["previous_csat"] == round(100 * satisfied_before / count_before, 1)
        assert row["csat_interval"]["low"] < row["csat"] < row["csat_interval"]["high"]
    # and each pain-map cell says whose service it is
    for cell in report["pain_map"]["cells"]:
        expected = catalog.service_id if cell["place"] == "mfc" else other["id"]
        assert [s["service_id"] for s in cell["services"]] == [expected]


async def test_a_future_month_is_refused_naming_the_field(
    reporting: httpx.AsyncClient, admin_headers: dict[str, str], catalog: Catalog
) -> None:
    following = month_start(1)
    body = {
        "subject_kind": "agency",
        "subject_id": catalog.agency_id,
        "month": f"{following:%Y-%m}",
    }
    response = await reporting.post("/api/v1/reports", json=body, headers=admin_headers)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["errors"][0]["field"] == "month"
    assert problem["errors"][0]["type"] == "future"
    dates = {**body, "month": None, "date_from": str(today() + timedelta(days=1))}
    dates["date_to"] = str(today() + timedelta(days=5))
    response = await reporting.post("/api/v1/reports", json=dates, headers=admin_headers)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == "date_from"
