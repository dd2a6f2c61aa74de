"""One real event end to end: plans-api's outbox → Redis → reporting worker, exactly once."""

import json
from collections.abc import Sequence
from typing import Any

import httpx
import pytest
from arq.connections import ArqRedis
from arq.constants import retry_key_prefix
from fastapi import FastAPI
from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER as FEEDBACK_WORKER
from otklik_kit.events.relay import OutboxRelay
from otklik_kit.events.transport import EVENTS_JOB, EncodedList, deserialize_job, serialize_job
from plans_api.database import outbox
from reporting_worker.config import ReportingSettings
from tests.conftest import drain, drain_worker

REPORTING_QUEUE = "otklik:reporting"
AGENCY = {"name": "Министерство транспорта Республики Примерной", "level": "regional"}


async def known_agencies(reporting: httpx.AsyncClient, headers: dict[str, str]) -> Any:
    response = await reporting.get("/api/v1/directory/agencies", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def outbox_rows(sessionmaker: async_sessionmaker[AsyncSession]) -> Sequence[Row[Any]]:
    async with sessionmaker() as session:
        return (await session.execute(select(outbox).order_by(outbox.c.seq))).all()


class CrashAfterEnqueue(OutboxRelay):
    """A relay that dies after handing a batch to Redis and before committing `sent`."""

    async def _enqueue(self, queue: str, job_id: str, rows: Sequence[Row[Any]]) -> None:
        await super()._enqueue(queue, job_id, rows)
        raise ConnectionResetError("relay process killed")


async def test_created_agency_reaches_the_worker_once(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    created = await plans.post("/api/v1/agencies", json=AGENCY, headers=admin_headers)
    relay: OutboxRelay = plans_app.state.outbox_relay

    assert await relay.relay_once() == 2  # to feedback-api and reporting
    await drain_worker(reporting_settings)

    agencies = await known_agencies(reporting, admin_headers)
    assert [(a["id"], a["name"], a["revision"]) for a in agencies] == [
        (created.json()["id"], AGENCY["name"], 1)
    ]
    rows = await outbox_rows(sessionmaker)
    assert sorted((r.type, r.queue, r.sent_at is not None) for r in rows) == [
        ("agency.upserted", "otklik:feedback", True),
        ("agency.upserted", "otklik:reporting", True),
    ]


async def test_duplicate_delivery_changes_nothing(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    redis: ArqRedis,
) -> None:
    await plans.post("/api/v1/agencies", json=AGENCY, headers=admin_headers)
    relay: OutboxRelay = plans_app.state.outbox_relay
    await relay.relay_once()
    await drain_worker(reporting_settings)
    queued = await redis.all_job_results()
    envelopes = queued[0].args[0]

    # at-least-once delivery: the same events arrive again under another job id
    await redis.enqueue_job(
        EVENTS_JOB, envelopes, _job_id="redelivery", _queue_name="otklik:reporting"
    )
    await drain_worker(reporting_settings)

    redelivered = await redis.all_job_results()
    agencies = await known_agencies(reporting, admin_headers)
    assert [r.result for r in sorted(redelivered, key=lambda r: r.job_id == "redelivery")] == [
        1,
        0,
    ]
    assert [a["revision"] for a in agencies] == [1]


async def test_relay_killed_before_marking_sent_loses_and_doubles_nothing(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
    redis: ArqRedis,
) -> None:
    for n in range(3):
        await plans.post(
            "/api/v1/agencies", json={**AGENCY, "name": f"Орган {n}"}, headers=admin_headers
        )
    healthy: OutboxRelay = plans_app.state.outbox_relay
    crashing = CrashAfterEnqueue(
        service="plans-api", sessionmaker=sessionmaker, outbox=outbox, redis=redis
    )

    with pytest.raises(ConnectionResetError):
        await crashing.relay_once()
    unsent_after_crash = [r for r in await outbox_rows(sessionmaker) if r.sent_at is None]
    # the restarted relay sends the same batches again (one per consumer queue)
    assert await healthy.relay_once() == 6
    await drain_worker(reporting_settings)

    agencies = await known_agencies(reporting, admin_headers)
    assert len(unsent_after_crash) == 6
    assert sorted(a["name"] for a in agencies) == ["Орган 0", "Орган 1", "Орган 2"]
    assert {a["revision"] for a in agencies} == {1}
    assert all(r.sent_at is not None for r in await outbox_rows(sessionmaker))


async def test_sweeper_resends_events_lost_with_redis_and_settles_completed_ones(
    plans: httpx.AsyncClient,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
    redis: ArqRedis,
) -> None:
    relay = OutboxRelay(
        service="plans-api",
        sessionmaker=sessionmaker,
        outbox=outbox,
        redis=redis,
        stale_seconds=0.001,
    )
    await plans.post("/api/v1/agencies", json=AGENCY, headers=admin_headers)
    await relay.relay_once()
    await redis.flushdb()  # Redis restarted without persistence: the queued job is gone

    resent = await relay.sweep_once()
    await drain_worker(reporting_settings)
    await drain(FEEDBACK_WORKER, feedback_settings)
    settled = await relay.sweep_once()

    rows = await outbox_rows(sessionmaker)
    agencies = await known_agencies(reporting, admin_headers)
    assert resent == 2  # one batch per consumer queue
    assert settled == 0
    assert [a["revision"] for a in agencies] == [1]
    assert [(r.send_count, r.completed_at is not None) for r in rows] == [(2, True), (2, True)]


async def test_outbox_row_is_written_in_the_same_transaction_as_the_change(
    plans: httpx.AsyncClient,
    admin_headers: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    failed = await plans.post(
        "/api/v1/agencies",
        json={**AGENCY, "parent_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10"},
        headers=admin_headers,
    )
    await plans.post("/api/v1/agencies", json=AGENCY, headers=admin_headers)

    rows = await outbox_rows(sessionmaker)
    assert failed.status_code == 422
    assert sorted(r.queue for r in rows) == ["otklik:feedback", "otklik:reporting"]
    assert {r.payload["name"] for r in rows} == {AGENCY["name"]}


async def test_a_batch_that_failed_for_an_hour_is_still_applied(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    redis: ArqRedis,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    created = await plans.post("/api/v1/agencies", json=AGENCY, headers=admin_headers)
    relay: OutboxRelay = plans_app.state.outbox_relay
    await relay.relay_once()
    [batch] = [r.batch_id for r in await outbox_rows(sessionmaker) if r.queue == REPORTING_QUEUE]
    # sixty failed tries (a database away for an hour, at one retry a minute): arq counts them
    await redis.set(f"{retry_key_prefix}{batch}", 60)

    await drain_worker(reporting_settings)

    agencies = await known_agencies(reporting, admin_headers)
    assert [a["id"] for a in agencies] == [created.json()["id"]]


@pytest.mark.parametrize("extra_args", [(), (7, "x")])
def test_envelopes_encoded_by_the_database_reach_the_job_as_a_plain_list(
    extra_args: tuple[Any, ...],
) -> None:
    envelopes = [
        {"id": "0193", "payload": {"comment": 'кавычки " и \\ \u0000-нет', "n": [1, 2]}},
        {"id": "0194", "payload": {}},
    ]
    encoded = EncodedList(json.dumps(envelope, ensure_ascii=False) for envelope in envelopes)
    job = {"t": 1, "f": EVENTS_JOB, "a": [encoded, *extra_args], "k": {}, "et": 1}

    decoded = deserialize_job(serialize_job(job))

    assert decoded == {**job, "a": [envelopes, *extra_args]}
