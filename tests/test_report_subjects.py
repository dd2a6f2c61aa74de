"""Reports of a life situation and of an agency, and the monthly cron that queues every
agency's and service's report of the month just ended."""

import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_shared.measures import MOSCOW
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.jobs import monthly_reports
from reporting_worker.worker import WORKER
from tests.catalog_helpers import create_service
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, sync_catalog
from tests.report_helpers import (
    drain_reports,
    moscow_noon,
    relay_feedback,
    service_key,
    today,
    upstream_on,
)


async def rate(
    feedback: httpx.AsyncClient, portal: dict[str, str], service_id: str, day: date, *ratings: int
) -> None:
    for rating in ratings:
        body = {
            "service_id": service_id,
            "stage": "application",
            "channel": "epgu",
            "rating": rating,
            "occurred_at": moscow_noon(day),
        }
        response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
        assert response.status_code == 201, response.text


async def test_life_situation_report_covers_its_services_and_takes_its_title_from_plans_api(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    make_key: KeyMaker,
) -> None:
    birth = await plans.post(
        "/api/v1/life-situations",
        json={"code": "birth_of_child", "title": "Рождение ребенка"},
        headers=admin_headers,
    )
    situation = birth.json()["id"]
    own = await create_service(
        plans,
        admin_headers,
        catalog.agency_id,
        title="Выплата при рождении",
        life_situation_ids=[situation],
    )
    other = await create_service(
        plans,
        admin_headers,
        catalog.other_agency_id,
        title="Регистрация рождения",
        life_situation_ids=[situation],
    )
    await sync_catalog(plans_app, feedback_settings)
    day = today() - timedelta(days=1)
    await rate(feedback, portal, own["id"], day, 5, 4, 1)  # CSAT 2 / 3
    await rate(feedback, portal, other["id"], day, 5)
    await rate(feedback, portal, catalog.service_id, day, 1)  # not in the life situation
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)
    body: dict[str, Any] = {
        "subject_kind": "life_situation",
        "subject_id": situation,
        "date_from": str(day),
        "date_to": str(day),
    }
    agency_key = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(catalog.agency_id)))

    whole = await reporting.post("/api/v1/reports", json=body, headers=admin_headers)
    assert whole.status_code == 202, whole.text
    own_part = await reporting.post("/api/v1/reports", json=body, headers=agency_key)
    await drain_reports(reporting_settings, upstream)
    whole_report = (
        await reporting.get(f"/api/v1/reports/{whole.json()['id']}", headers=admin_headers)
    ).json()["report"]
    own_report = (
        await reporting.get(f"/api/v1/reports/{own_part.json()['id']}", headers=agency_key)
    ).json()["report"]

    assert whole.json()["id"] != own_part.json()["id"]
    assert whole_report["subject"]["title"] == "Рождение ребенка"
    assert set(whole_report["subject"]["service_ids"]) == {own["id"], other["id"]}
    # 5 4 1 and 5: (3 of 4) = 75 %
    assert whole_report["headline"]["respondents"]["value"] == 4
    assert whole_report["headline"]["csat"]["value"] == 75.0
    # broken down by service, worst first by CSAT smoothed toward the situation's 75 %:
    # (2 + 20 × 0.75) / 23 = 73.9 % before (1 + 15) / 21 = 76.2 %
    assert [
        (r["id"], r["responses"], r["csat"], r["csat_shrunk"]) for r in whole_report["by_service"]
    ] == [(own["id"], 3, 66.7, 73.9), (other["id"], 1, 100.0, 76.2)]
    # the agency's key sees its own service only: 5 4 1 → 66.7 %
    assert own_report["subject"]["service_ids"] == [own["id"]]
    assert own_report["subject"]["agency_id"] == catalog.agency_id
    assert own_report["headline"]["csat"]["value"] == 66.7
    assert (
        await reporting.get(f"/api/v1/reports/{whole.json()['id']}", headers=agency_key)
    ).status_code == 404


async def test_agency_report_counts_all_its_services(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    make_key: KeyMaker,
) -> None:
    second = await create_service(plans, admin_headers, catalog.agency_id, title="Вторая услуга")
    await sync_catalog(plans_app, feedback_settings)
    day = today() - timedelta(days=2)
    await rate(feedback, portal, catalog.service_id, day, 5, 5)
    await rate(feedback, portal, second["id"], day, 2)
    await rate(feedback, portal, catalog.other_service_id, day, 1)  # another agency's
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)

    queued = await reporting.post(
        "/api/v1/reports",
        json={
            "subject_kind": "agency",
            "subject_id": catalog.agency_id,
            "date_from": str(day),
            "date_to": str(day),
        },
        headers=admin_headers,
    )
    await drain_reports(reporting_settings, upstream)
    report = (
        await reporting.get(f"/api/v1/reports/{queued.json()['id']}", headers=admin_headers)
    ).json()["report"]

    assert report["subject"]["title"] == "Министерство соцзащиты"
    assert set(report["subject"]["service_ids"]) == {catalog.service_id, second["id"]}
    # 5 5 2: 3 responses, CSAT 2 / 3
    assert report["headline"]["respondents"]["value"] == 3
    assert report["headline"]["csat"]["value"] == 66.7


async def test_monthly_cron_builds_every_agency_and_service_report_of_the_last_month(
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    catalog: Catalog,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    make_key: KeyMaker,
    redis: ArqRedis,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    first_of_month = today().replace(day=1)
    last_month = (first_of_month - timedelta(days=1)).replace(day=15)
    await rate(feedback, portal, catalog.service_id, last_month, 4, 2)
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)
    ctx: dict[str, Any] = {"sessionmaker": sessionmaker, "redis": redis}
    just_after_midnight = datetime.combine(first_of_month, time(0, 30), MOSCOW)

    on_the_second = await monthly_reports(ctx, now=just_after_midnight + timedelta(days=1))
    queued = await monthly_reports(ctx, now=just_after_midnight)
    queued_again = await monthly_reports(ctx, now=just_after_midnight + timedelta(hours=1))
    await drain_reports(reporting_settings, upstream)
    jobs = (await reporting.get("/api/v1/reports", headers=admin_headers)).json()["items"]

    assert (on_the_second, queued, queued_again) == (0, 4, 0)  # 2 agencies + 2 services
    assert {(j["subject_kind"], j["subject_id"]) for j in jobs} == {
        ("agency", catalog.agency_id),
        ("agency", catalog.other_agency_id),
        ("service", catalog.service_id),
        ("service", catalog.other_service_id),
    }
    assert {(j["status"], j["origin"], j["date_from"]) for j in jobs} == {
        ("done", "cron", str(last_month.replace(day=1)))
    }
    service_job = next(j for j in jobs if j["subject_id"] == catalog.service_id)
    report = (await reporting.get(service_job["links"]["self"], headers=admin_headers)).json()[
        "report"
    ]
    assert report["period"]["label"].endswith(f"{last_month.year} г.")
    assert report["headline"]["respondents"]["value"] == 2
    assert [job.name for job in WORKER.cron_jobs] == ["reports.monthly"]
