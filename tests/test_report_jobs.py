"""Report jobs: plan progress and survey facts over the upstream clients, a dependency down,
reuse of a finished or running report, isolation between agencies, a rerun after a crash."""

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from reporting_worker.config import ReportingSettings
from reporting_worker.reports.schemas import REPORT_EXAMPLE, AnalyticalReport
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog
from tests.report_helpers import (
    CURRENT,
    PREVIOUS,
    Dataset,
    add_touchpoint,
    drain_reports,
    post_rows,
    relay_feedback,
    service_key,
    today,
    tracked_plan,
    upstream_down,
    upstream_on,
)
from tests.survey_helpers import VALID_ANSWERS, answer, mfc_run


@pytest.fixture
async def dataset(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
) -> Dataset:
    touchpoint_id = await add_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, catalog
    )
    await post_rows(feedback, portal, catalog, touchpoint_id, CURRENT + PREVIOUS)
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)
    return Dataset(catalog, touchpoint_id, today() - timedelta(days=9), today(), upstream)


async def request(
    reporting: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = await reporting.post("/api/v1/reports", json=body, headers=headers)
    assert response.status_code == 202, response.text
    job: dict[str, Any] = response.json()
    return job


async def fetch(
    reporting: httpx.AsyncClient, headers: dict[str, str], job_id: str
) -> dict[str, Any]:
    response = await reporting.get(f"/api/v1/reports/{job_id}", headers=headers)
    assert response.status_code == 200, response.text
    job: dict[str, Any] = response.json()
    return job


async def test_plan_progress_and_survey_facts_come_over_the_owners_contracts(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
) -> None:
    plan = await tracked_plan(plans, admin_headers, dataset.catalog.service_id)
    run = await mfc_run(
        feedback, admin_headers, dataset.catalog, starts_on=str(today() - timedelta(days=30))
    )
    for respondent in ("device-000000000000000000001", "device-000000000000000000002"):
        assert (await answer(feedback, run, VALID_ANSWERS, respondent)).status_code == 201

    job = await request(reporting, admin_headers, dataset.request())
    await drain_reports(reporting_settings, dataset.upstream)
    report = (await fetch(reporting, admin_headers, job["id"]))["report"]

    progress = report["plan_progress"]
    # seven items: 1.1 done, 1.3 in progress, 5.2 overdue, four not started → 1 / 7 = 14.3 %
    assert (progress["status"], progress["items"], progress["done"]) == ("ok", 7, 1)
    assert (progress["in_progress"], progress["overdue"], progress["not_started"]) == (1, 1, 4)
    assert progress["percent_done"] == 14.3
    [row] = progress["plans"]
    assert (row["plan_id"], row["service_title"]) == (plan["id"], report["subject"]["title"])
    assert [(o["number"], o["end_date"]) for o in progress["overdue_items"]] == [
        ("5.2", str(today() - timedelta(days=3)))
    ]
    surveys = report["surveys"]
    assert surveys["status"] == "ok"
    [facts] = surveys["surveys"]
    assert facts["run_id"] == run["id"]
    assert facts["link"].endswith(run["public_url"])
    assert (facts["start_date"], facts["end_date"]) == (
        str(today() - timedelta(days=30)),
        str(today()),
    )
    # both answers came today, inside the period
    assert (facts["respondents"], facts["respondents_total"]) == (2, 2)
    assert facts["instrument"].startswith("Анкета «Оценка посещения МФЦ»")
    assert report["conclusions"][-2:] == [
        "По планам мероприятий выполнено 1 из 7 пунктов (14,3 %), в работе — 1, просрочено — 1, "
        "не начато — 4.",
        f"Проводился опрос «Мониторинг удовлетворенности» ({today() - timedelta(days=30):%d.%m.%Y}"
        f" – {today():%d.%m.%Y}): за период ответили 2 респондента.",
    ]
    assert report["warnings"] == []


async def test_report_is_built_with_no_data_sections_when_dependencies_are_down(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> None:
    job = await request(reporting, admin_headers, dataset.request())
    await drain_reports(reporting_settings, upstream_down(await service_key(make_key)))
    done = await fetch(reporting, admin_headers, job["id"])
    report = done["report"]

    assert done["status"] == "done"
    assert report["headline"]["respondents"]["value"] == 20
    assert report["plan_progress"]["status"] == "unavailable"
    assert report["plan_progress"]["note"] == "Нет данных: plans-api недоступен (ConnectError)."
    assert report["surveys"]["status"] == "unavailable"
    assert report["warnings"] == [
        "Нет данных: plans-api недоступен (ConnectError).",
        "Нет данных: feedback-api недоступен (ConnectError).",
    ]
    assert "Сведения о выполнении планов мероприятий получить не удалось." in report["conclusions"]


async def test_same_request_reuses_the_report_until_its_data_changes(
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
    portal: dict[str, str],
) -> None:
    first = await request(reporting, admin_headers, dataset.request())
    in_flight = await request(reporting, admin_headers, dataset.request())
    await drain_reports(reporting_settings, dataset.upstream)
    finished = await request(reporting, admin_headers, dataset.request())
    forced = await request(reporting, admin_headers, dataset.request(force=True))
    await drain_reports(reporting_settings, dataset.upstream)
    # one more rating for the period: the aggregates changed, the report is built again
    await post_rows(feedback, portal, dataset.catalog, dataset.touchpoint_id, CURRENT[:1])
    await relay_feedback(feedback_app)
    await drain_reports(reporting_settings, dataset.upstream)
    rebuilt = await request(reporting, admin_headers, dataset.request())
    await drain_reports(reporting_settings, dataset.upstream)
    latest = await fetch(reporting, admin_headers, first["id"])

    assert (first["status"], first["reused"], first["build"]) == ("queued", False, 1)
    assert (in_flight["id"], in_flight["reused"], in_flight["build"]) == (first["id"], True, 1)
    assert (finished["status"], finished["reused"], finished["build"]) == ("done", True, 1)
    assert finished["report"]["headline"]["respondents"]["value"] == 20
    assert (forced["status"], forced["reused"], forced["build"]) == ("queued", False, 2)
    assert (rebuilt["reused"], rebuilt["build"]) == (False, 3)
    assert (latest["status"], latest["build"]) == ("done", 3)
    assert latest["report"]["headline"]["respondents"]["value"] == 21
    listed = await reporting.get(
        "/api/v1/reports", params={"subject_id": dataset.catalog.service_id}, headers=admin_headers
    )
    assert [job["id"] for job in listed.json()["items"]] == [first["id"]]
    assert (
        listed.json()["items"][0]["links"]["html"] == f"/api/v1/reports/{first['id']}/export.html"
    )


async def test_key_of_another_agency_gets_404_for_the_report(
    reporting: httpx.AsyncClient,
    dataset: Dataset,
    make_key: KeyMaker,
) -> None:
    own = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(dataset.catalog.agency_id)))
    other = bearer(
        await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(dataset.catalog.other_agency_id))
    )
    job = await request(reporting, own, dataset.request())

    seen_by_other = await reporting.get(f"/api/v1/reports/{job['id']}", headers=other)
    asked_by_other = await reporting.post("/api/v1/reports", json=dataset.request(), headers=other)
    listed_by_other = await reporting.get("/api/v1/reports", headers=other)
    listed_by_own = await reporting.get("/api/v1/reports", headers=own)

    assert seen_by_other.status_code == 404
    assert seen_by_other.headers["content-type"] == "application/problem+json"
    assert asked_by_other.status_code == 404
    assert listed_by_other.json()["items"] == []
    assert [j["id"] for j in listed_by_own.json()["items"]] == [job["id"]]
    assert (await reporting.get(f"/api/v1/reports/{job['id']}", headers=own)).status_code == 200


async def test_a_build_cut_short_by_a_crash_runs_again_to_the_same_report(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    job = await request(reporting, admin_headers, dataset.request())
    # a worker took the job and died halfway: the row says running, the arq job is still queued
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text(
                "UPDATE reporting.report_jobs SET status = 'running', progress = 50 WHERE id = :id"
            ),
            {"id": job["id"]},
        )
    halfway = await fetch(reporting, admin_headers, job["id"])
    await drain_reports(reporting_settings, dataset.upstream)
    after_restart = await fetch(reporting, admin_headers, job["id"])
    clean = await request(reporting, admin_headers, dataset.request(force=True))
    await drain_reports(reporting_settings, dataset.upstream)
    rebuilt = await fetch(reporting, admin_headers, clean["id"])

    def content(report: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in report.items() if k != "generated_at"}

    assert (halfway["status"], halfway["progress"], halfway["report"]) == ("running", 50, None)
    assert (after_restart["status"], after_restart["progress"]) == ("done", 100)
    assert content(after_restart["report"]) == content(rebuilt["report"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"month": "2026-13"}, "month"),
        ({"date_from": "2026-11-10"}, "body"),
        ({"date_from": "2026-11-10", "date_to": "2026-11-01"}, "body"),
        ({"subject_kind": "region"}, "subject_kind"),
    ],
)
async def test_invalid_report_request_names_the_field(
    reporting: httpx.AsyncClient,
    admin_headers: dict[str, str],
    body: dict[str, Any],
    field: str,
) -> None:
    request_body = {
        "subject_kind": "service",
        "subject_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
        **body,
    }
    response = await reporting.post("/api/v1/reports", json=request_body, headers=admin_headers)

    assert response.status_code == 422
    assert field in {error["field"] for error in response.json()["errors"]}


async def test_a_build_lost_from_the_queue_is_queued_again_on_the_next_request(
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    dataset: Dataset,
    admin_headers: dict[str, str],
    redis: ArqRedis,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    job = await request(reporting, admin_headers, dataset.request())
    # Redis lost the job and the row stayed queued for longer than a build can take
    await redis.flushdb()
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE reporting.report_jobs SET queued_at = now() - interval '1 hour'")
        )
    again = await request(reporting, admin_headers, dataset.request())
    await drain_reports(reporting_settings, dataset.upstream)

    assert (again["id"], again["reused"], again["build"]) == (job["id"], False, 2)
    assert (await fetch(reporting, admin_headers, job["id"]))["status"] == "done"


def test_the_report_example_is_a_valid_report() -> None:
    report = AnalyticalReport.model_validate(REPORT_EXAMPLE)

    assert report.pain_map.cells[0].score == 3.48  # (1 − 0.45) × √40
    assert AnalyticalReport.model_json_schema()["examples"] == [REPORT_EXAMPLE]
