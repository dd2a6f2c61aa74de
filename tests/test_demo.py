"""`otklik demo` at a small scale against the three apps, with events flowing as under
`otklik run`: relays and the feedback-api worker in the apps, the reporting worker beside them."""

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.demo.generate.catalog import touchpoints as registry
from otklik_kit.demo.load.api import Apis
from otklik_kit.demo.load.reports import save_pages
from otklik_kit.demo.progress import Progress
from otklik_kit.demo.runner import DemoOptions, DemoResult, run_demo
from otklik_kit.events.worker import build_worker, run_restarting
from plans_api.config import PlansSettings
from reporting_worker.config import ReportingSettings
from reporting_worker.worker import WORKER as REPORTING_WORKER
from tests.conftest import KeyMaker, drain_worker
from tests.report_helpers import service_key, upstream_on

# events flow on their own, and the local proxy's X-Forwarded-For is trusted, as in `otklik run`
# (the demo's respondents come from many addresses, each within the per-address limits)
LIVE = {
    "OUTBOX_RELAY_ENABLED": True,
    "EMBEDDED_WORKER_ENABLED": True,
    "OUTBOX_POLL_SECONDS": 0.05,
    "FORWARDED_ALLOW_IPS": "127.0.0.1",
}
OPTIONS = DemoOptions(feedback=2000, agencies=2, services_per_agency=3, seed=7, stall_seconds=30)


@pytest.fixture
def plans_settings(settings_overrides: dict[str, Any]) -> PlansSettings:
    return PlansSettings(**{**settings_overrides, **LIVE})


@pytest.fixture
def feedback_settings(settings_overrides: dict[str, Any]) -> FeedbackSettings:
    return FeedbackSettings(**{**settings_overrides, **LIVE})


@pytest.fixture
def reporting_settings(settings_overrides: dict[str, Any]) -> ReportingSettings:
    return ReportingSettings(**{**settings_overrides, **LIVE})


@pytest.fixture
async def reporting_jobs(
    reporting_settings: ReportingSettings,
    plans_app: FastAPI,
    feedback_app: FastAPI,
    make_key: KeyMaker,
) -> AsyncIterator[None]:
    """The reporting worker running beside the apps, as `otklik worker` does, calling them
    in process for the reports."""
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))

    async def use_upstream(ctx: dict[str, Any]) -> None:
        ctx["upstream"] = upstream

    spec = dataclasses.replace(
        REPORTING_WORKER, cron_jobs=(), on_startup=(use_upstream, *REPORTING_WORKER.on_startup)
    )
    task = asyncio.create_task(
        run_restarting(
            lambda: build_worker(
                spec, reporting_settings, handle_signals=False, configure_logs=False
            )
        )
    )
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def _counted(sessionmaker: async_sessionmaker[AsyncSession]) -> tuple[int, int]:
    async with sessionmaker() as session:
        row = (
            await session.execute(
                text("SELECT sum(responses), sum(comments) FROM reporting.feedback_daily")
            )
        ).one()
    return int(row[0] or 0), int(row[1] or 0)


async def _checked_catalog(apis: Apis, result: DemoResult) -> None:
    for agency in result.catalog.agencies.values():
        listed = await apis.plans.get("/api/v1/services", params={"agency_id": agency.id})
        assert len(listed.json()["items"]) == OPTIONS.services_per_agency
        points = await apis.plans.get("/api/v1/touchpoints", params={"agency_id": agency.id})
        expected = {p.name for p in registry(result.region, agency.spec)}
        assert {p["name"] for p in points.json()["items"]} == expected
        assert all(p["service_ids"] for p in points.json()["items"])


async def _checked_plans(apis: Apis, result: DemoResult) -> None:
    states: dict[str, int] = {"done": 0, "in_progress": 0, "overdue": 0}
    approved = 0
    for agency in result.catalog.agencies.values():
        plans = (await apis.plans.get("/api/v1/plans", params={"agency_id": agency.id})).json()
        approved += sum(1 for p in plans if p["status"] == "approved")
        for plan in plans:
            for state in states:
                states[state] += plan["progress"][state]
    # six services in order: all checked and planned (the laggards come later in the region)
    assert approved == result.plans["approved"] == 6
    assert all(count > 0 for count in states.values()), states


async def _checked_surveys(apis: Apis, result: DemoResult) -> None:
    assert set(result.survey_facts) == {"child_payment_3_7", "doctor_appointment"}
    for facts in result.survey_facts.values():
        assert facts["respondents"] == 5
        assert "/api/v1/public/surveys/" in facts["link"]
    for agency in result.catalog.agencies.values():
        runs = await apis.feedback.get("/api/v1/surveys/runs", params={"agency_id": agency.id})
        assert len(runs.json()["items"]) == 1


@pytest.mark.usefixtures("reporting_jobs")
async def test_demo_fills_a_running_system_once(
    plans: httpx.AsyncClient,
    feedback: httpx.AsyncClient,
    reporting: httpx.AsyncClient,
    admin_headers: dict[str, str],
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
    tmp_path: Path,
) -> None:
    for client in (plans, feedback, reporting):
        client.headers.update(admin_headers)
    apis = Apis(plans=plans, feedback=feedback, reporting=reporting)

    result = await run_demo(apis, OPTIONS, Progress(enabled=False))

    assert result.catalog.created == len(result.region.life_situations) + 2 + 6
    await _checked_catalog(apis, result)
    await _checked_plans(apis, result)
    await _checked_surveys(apis, result)
    assert result.loaded is not None
    assert result.generated is not None
    assert (result.loaded.created, result.loaded.replayed) == (2000, 0)
    assert result.counted == 2000
    await drain_worker(reporting_settings)
    assert await _counted(sessionmaker) == (2000, result.generated.comments)
    assert 0.2 < result.generated.comments / 2000 < 0.4
    # agencies, their life situations and the services whose numbers change
    assert result.reports is not None
    titles = {report.title: report.status for report in result.reports}
    assert {"Минсоцразвития", "Минздрав", "Рождение ребенка", "запись к врачу"} <= set(titles)
    assert set(titles.values()) == {"done"}
    [page] = await save_pages(apis, result.reports[:1], tmp_path, lambda: None)
    assert page.saved is not None
    assert "Министерство социального развития" in page.saved.read_text(encoding="utf-8")

    # a second run (even with another seed) finds everything and adds nothing
    again = await run_demo(
        apis, dataclasses.replace(OPTIONS, seed=8, reports=False), Progress(enabled=False)
    )
    assert (again.catalog.created, again.touchpoints[0]) == (0, 0)
    assert again.plans == {"kept": 6}
    assert again.loaded is None
    assert again.skipped_feedback is not None
    assert again.counted == 2000
    await drain_worker(reporting_settings)
    assert (await _counted(sessionmaker))[0] == 2000
