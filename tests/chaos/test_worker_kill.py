"""The reporting worker killed with SIGKILL while it applies batches of events: started again,
its aggregates equal a clean run (the inbox and the aggregate upsert share one transaction)."""

import functools
import json
import time
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.auth.scopes import Scope
from otklik_kit.events.transport import EVENTS_JOB
from otklik_shared.measures import MOSCOW
from reporting_worker.config import ReportingSettings
from tests.chaos.helpers import (
    REPORTING_QUEUE,
    differences_from_a_clean_run,
    figures,
    post_batch,
    tally,
    varied_bodies,
    wait_for,
)
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import Catalog
from tests.processes import OtklikProcess, Processes, RedisProcess

pytestmark = pytest.mark.chaos

IN_PROGRESS, JOB = "arq:in-progress:", "arq:job:"
OPEN_AGGREGATION_TRANSACTIONS = """
SELECT count(*) FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
   AND query ~ 'processed_events|feedback_daily'
"""

BACKLOG = 4000
KILLS_INSIDE_A_TRANSACTION = 2
MAX_KILLS = 8
# one batch at a time, so a kill finds batches applied and one being applied
WORKER_ENV = {"WORKER_MAX_JOBS": "1"}


@pytest.mark.kill_window
async def test_worker_killed_during_aggregation_ends_equal_to_a_clean_run(
    catalog: Catalog,
    portal: dict[str, str],
    processes: Processes,
    private_redis: RedisProcess,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    api = processes.otklik("feedback-api")
    await api.wait_ready()
    bodies = varied_bodies(catalog, BACKLOG, "worker-kill")
    accepted = 0
    for start in range(0, BACKLOG, 1000):
        accepted += await post_batch(api.url, portal, bodies[start : start + 1000])
    await wait_for(
        lambda: _handed_to_redis(sessionmaker, BACKLOG),
        what="the backlog handed to Redis",
        within=60,
        children=[api],
    )

    killed_at: list[int] = []
    half_done: set[str] = set()  # batches a killed worker left in progress
    rolled_back = 0  # kills that landed inside an open aggregation transaction
    while rolled_back < KILLS_INSIDE_A_TRANSACTION:
        assert len(killed_at) < MAX_KILLS, "no kill landed inside an aggregation transaction"
        worker = processes.otklik("reporting-worker", serve=False, env=WORKER_ENV)
        applying: list[str] = []
        await wait_for(
            functools.partial(
                _applying_a_batch, sessionmaker, private_redis.url, killed_at, half_done, applying
            ),
            what="the worker inside an aggregation transaction",
            within=60,
            children=[worker],
            every=0.005,
        )
        worker.kill()
        killed_at.append((await tally(sessionmaker)).applied)
        half_done |= await _batches_in_progress(private_redis.url)
        if not await _applied_any(sessionmaker, await _event_ids(private_redis.url, applying)):
            rolled_back += 1

    restarted = time.monotonic()
    final: OtklikProcess = processes.otklik("reporting-worker", serve=False, env=WORKER_ENV)
    await wait_for(
        lambda: _all_aggregated(sessionmaker),
        what=f"{BACKLOG} feedback aggregated",
        within=120,
        children=[api, final],
    )
    recovered_in = time.monotonic() - restarted
    counts = await tally(sessionmaker)
    figures(
        "reporting worker SIGKILLed during aggregation",
        posted=BACKLOG,
        accepted=accepted,
        kills=len(killed_at),
        kills_inside_a_transaction=rolled_back,
        applied_at_each_kill="/".join(map(str, killed_at)),
        batches_left_in_progress=len(half_done),
        aggregated=counts.aggregated,
        lost=counts.lost,
        duplicates=counts.duplicated,
        recovery_seconds=recovered_in,
    )
    assert accepted == BACKLOG
    assert all(0 < applied < BACKLOG for applied in killed_at)
    assert len(half_done) >= len(killed_at)  # each kill left a batch in progress
    assert (counts.stored, counts.applied, counts.aggregated) == (BACKLOG,) * 3
    assert await differences_from_a_clean_run(sessionmaker) == []


async def _handed_to_redis(sessionmaker: async_sessionmaker[AsyncSession], total: int) -> bool:
    counts = await tally(sessionmaker)
    return counts.stored == total and counts.unsent == 0


async def _all_aggregated(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    counts = await tally(sessionmaker)
    return counts.aggregated >= counts.stored


async def _batches_in_progress(url: str) -> set[str]:
    async with Redis.from_url(url) as client:
        # event batches of the reporting queue only (the job id starts with the queue)
        keys = await client.keys(f"{IN_PROGRESS}{REPORTING_QUEUE}:*")
    return {key.decode().removeprefix(IN_PROGRESS) for key in keys}


async def _event_ids(url: str, job_ids: list[str]) -> list[str]:
    async with Redis.from_url(url) as client:
        jobs = [await client.get(f"{JOB}{job_id}") for job_id in job_ids]
    batches = [json.loads(job) for job in jobs if job]
    return [e["id"] for batch in batches if batch["f"] == EVENTS_JOB for e in batch["a"][0]]


async def _applied_any(sessionmaker: async_sessionmaker[AsyncSession], ids: list[str]) -> bool:
    async with sessionmaker() as session:
        found = await session.scalar(
            text("SELECT count(*) FROM reporting.processed_events WHERE event_id = ANY(:ids)"),
            {"ids": [uuid.UUID(i) for i in ids]},
        )
    return bool(found)


async def _applying_a_batch(
    sessionmaker: async_sessionmaker[AsyncSession],
    url: str,
    killed_at: list[int],
    half_done: set[str],
    applying: list[str],
) -> bool:
    """Batches applied since the last kill, and one taken and not yet committed while the worker
    has a transaction open on the aggregates; `applying` gets that batch's job ids."""
    applied = (await tally(sessionmaker)).applied
    if applied <= (killed_at[-1] if killed_at else 0):
        return False
    running = sorted(await _batches_in_progress(url) - half_done)
    pending = [
        job for job in running if not await _applied_any(sessionmaker, await _event_ids(url, [job]))
    ]
    if not pending:
        return False
    async with sessionmaker() as session:
        open_transactions = await session.scalar(text(OPEN_AGGREGATION_TRANSACTIONS))
    applying[:] = pending
    return bool(open_transactions)


REPORT_FEEDBACK = 2000
MAX_REPORT_KILLS = 10
HALF_WAY = 25  # percent: the aggregates read, the other services not yet asked


async def test_worker_killed_during_a_report_build_ends_equal_to_a_clean_run(
    catalog: Catalog,
    portal: dict[str, str],
    make_key: KeyMaker,
    processes: Processes,
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await drain_worker(reporting_settings)  # the worker's copy of the catalog
    analyst = bearer(await make_key(Scope.REPORTS_READ))
    feedback = processes.otklik("feedback-api")
    plans = processes.otklik("plans-api")
    reporting = processes.otklik("reporting-worker")
    upstream = {
        "PLANS_API_URL": plans.url,
        "FEEDBACK_API_URL": feedback.url,
        "REPORTING_SERVICE_API_KEY": await make_key(Scope.PLANS_READ, Scope.FEEDBACK_READ),
    }
    for api in (feedback, plans, reporting):
        await api.wait_ready()
    bodies = varied_bodies(catalog, REPORT_FEEDBACK, "report-kill")
    for start in range(0, REPORT_FEEDBACK, 1000):
        await post_batch(feedback.url, portal, bodies[start : start + 1000])
    worker = processes.otklik("reporting-worker", serve=False, env=upstream)
    await wait_for(
        lambda: _all_aggregated(sessionmaker), what="aggregates", within=60, children=[worker]
    )

    async with httpx.AsyncClient(base_url=reporting.url, timeout=30, trust_env=False) as client:
        request = _report_request(catalog)
        kills = 0
        while True:
            assert kills < MAX_REPORT_KILLS, "no kill landed in the middle of a build"
            queued = await client.post("/api/v1/reports", json=request, headers=analyst)
            assert queued.status_code == 202, queued.text
            job_id, build = queued.json()["id"], await _build(sessionmaker, queued.json()["id"])
            await wait_for(
                functools.partial(_half_built, sessionmaker, job_id),
                what="the build half-way",
                within=60,
                children=[worker],
                every=0.005,
            )
            worker.kill()
            kills += 1
            progress = await _job_state(sessionmaker, job_id)
            if progress[0] == "running":
                break  # killed half-way; else it finished first: build it again
            worker = processes.otklik("reporting-worker", serve=False, env=upstream)
            request = {**_report_request(catalog), "force": True}

        restarted = time.monotonic()
        worker = processes.otklik("reporting-worker", serve=False, env=upstream)
        await wait_for(
            lambda: _job_past(sessionmaker, job_id, "running"),
            what="the killed build done",
            within=120,
            children=[worker],
        )
        recovered_in = time.monotonic() - restarted
        after_kill = (await client.get(f"/api/v1/reports/{job_id}", headers=analyst)).json()

        clean = await client.post(
            "/api/v1/reports", json={**_report_request(catalog), "force": True}, headers=analyst
        )
        await wait_for(
            lambda: _job_past(sessionmaker, job_id, "queued", "running"),
            what="the clean build done",
            within=120,
            children=[worker],
        )
        rebuilt = (await client.get(f"/api/v1/reports/{job_id}", headers=analyst)).json()

    figures(
        "reporting worker SIGKILLed during a report build",
        feedback=REPORT_FEEDBACK,
        kills=kills,
        killed_at_progress=f"{progress[1]}%",
        killed_build=build,
        clean_build=await _build(sessionmaker, job_id),
        recovery_seconds=recovered_in,
    )
    assert clean.status_code == 202
    assert (after_kill["status"], rebuilt["status"]) == ("done", "done")
    assert after_kill["report"]["headline"]["respondents"]["value"] == REPORT_FEEDBACK
    assert _without_times(after_kill["report"]) == _without_times(rebuilt["report"])


def _report_request(catalog: Catalog) -> dict[str, Any]:
    today = datetime.now(MOSCOW).date()
    return {
        "subject_kind": "service",
        "subject_id": catalog.service_id,
        "date_from": (today - timedelta(days=30)).isoformat(),
        "date_to": today.isoformat(),
    }


def _without_times(report: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in report.items() if key != "generated_at"}


async def _job_state(
    sessionmaker: async_sessionmaker[AsyncSession], job_id: str
) -> tuple[str, int]:
    async with sessionmaker() as session:
        row = (
            await session.execute(
                text("SELECT status, progress FROM reporting.report_jobs WHERE id = :id"),
                {"id": uuid.UUID(job_id)},
            )
        ).one()
    return str(row[0]), int(row[1])


async def _build(sessionmaker: async_sessionmaker[AsyncSession], job_id: str) -> int:
    async with sessionmaker() as session:
        build = await session.scalar(
            text("SELECT build FROM reporting.report_jobs WHERE id = :id"),
            {"id": uuid.UUID(job_id)},
        )
    return int(build or 0)


async def _job_past(
    sessionmaker: async_sessionmaker[AsyncSession], job_id: str, *states: str
) -> bool:
    return (await _job_state(sessionmaker, job_id))[0] not in states


async def _half_built(sessionmaker: async_sessionmaker[AsyncSession], job_id: str) -> bool:
    """Past its reading of the aggregates (or already finished)."""
    status, progress = await _job_state(sessionmaker, job_id)
    return status in ("done", "failed") or (status == "running" and progress >= HALF_WAY)
