"""PostgreSQL crashes under load (a private server, stopped with `pg_ctl -m immediate`): the APIs
answer 503 problem+json with Retry-After, /readyz fails, no 201 without a commit, and they
recover by themselves when it returns, without being restarted."""

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.db import create_sessionmaker
from otklik_kit.migrations import upgrade_all
from plans_api.app import create_app as create_plans_app
from plans_api.config import PlansSettings
from tests.chaos.helpers import differences_from_a_clean_run, figures, tally, wait_for
from tests.conftest import KeyMaker, bearer, running
from tests.feedback_helpers import Catalog, feedback_body, seed_catalog
from tests.processes import OtklikProcess, PostgresProcess, Processes

pytestmark = pytest.mark.chaos

CLIENTS = 8
DOWN_SECONDS = 4.0


@pytest.fixture
def private_postgres() -> Iterator[PostgresProcess]:
    server = PostgresProcess()
    try:
        server.start()
        yield server
    finally:
        server.remove()


@dataclass
class Answer:
    key: str
    body: dict[str, Any]
    status: int | None  # None: no HTTP answer at all
    receipt_id: str | None = None
    problem: bool = False
    retry_after: str | None = None
    replayed: bool = False


@dataclass
class Load:
    """Clients posting feedback, each post with its own Idempotency-Key, until stopped."""

    url: str
    headers: dict[str, str]
    catalog: Catalog
    answers: list[Answer] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    _keys: "itertools.count[int]" = field(default_factory=itertools.count)

    async def run(self) -> None:
        async with httpx.AsyncClient(base_url=self.url, timeout=30, trust_env=False) as client:
            await asyncio.gather(*(self._client(client) for _ in range(CLIENTS)))

    async def _client(self, client: httpx.AsyncClient) -> None:
        while not self.stop.is_set():
            key = f"pg-outage-{next(self._keys)}"
            body = feedback_body(self.catalog, rating=len(self.answers) % 5 + 1)
            self.answers.append(await post(client, self.headers, key, body))
            if self.answers[-1].status != 201:
                await asyncio.sleep(0.05)

    def count(self, status: int | None) -> int:
        return sum(answer.status == status for answer in self.answers)


async def post(
    client: httpx.AsyncClient, headers: dict[str, str], key: str, body: dict[str, Any]
) -> Answer:
    try:
        response = await client.post(
            "/api/v1/feedback", json=body, headers={**headers, "Idempotency-Key": key}
        )
    except httpx.TransportError:
        return Answer(key, body, None)
    created = response.status_code == 201
    return Answer(
        key,
        body,
        response.status_code,
        receipt_id=response.json()["id"] if created else None,
        problem=response.headers.get("content-type") == "application/problem+json",
        retry_after=response.headers.get("retry-after"),
        replayed=response.headers.get("idempotent-replayed") == "true",
    )


@contextlib.asynccontextmanager
async def private_database(url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_async_engine(url, pool_pre_ping=True)  # it outlives a server restart
    try:
        yield create_sessionmaker(engine)
    finally:
        await engine.dispose()


async def test_apis_answer_503_while_postgres_is_down_and_recover_by_themselves(
    private_postgres: PostgresProcess,
    processes: Processes,
    settings_overrides: dict[str, Any],
) -> None:
    url = private_postgres.url
    await asyncio.to_thread(upgrade_all, url)
    on_private = {**settings_overrides, "DATABASE_URL": url}
    async with private_database(url) as sessionmaker:
        make_key = KeyMaker(sessionmaker)
        admin = bearer(await make_key(Scope.ADMIN))
        portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
        plans_app = create_plans_app(PlansSettings(**on_private))
        async with running(plans_app) as plans_client:
            catalog = await seed_catalog(
                plans_client, plans_app, FeedbackSettings(**on_private), admin
            )
        await _run_the_outage(private_postgres, processes, sessionmaker, catalog, admin, portal)


async def _run_the_outage(
    postgres: PostgresProcess,
    processes: Processes,
    sessionmaker: async_sessionmaker[AsyncSession],
    catalog: Catalog,
    admin: dict[str, str],
    portal: dict[str, str],
) -> None:
    on_private = {"DATABASE_URL": postgres.url}
    feedback = processes.otklik("feedback-api", env=on_private)
    plans = processes.otklik("plans-api", env=on_private)
    worker = processes.otklik("reporting-worker", serve=False, env=on_private)
    apis = [feedback, plans]
    for api in apis:
        await api.wait_ready()
    pids = [child.pid for child in (*apis, worker)]
    load = Load(feedback.url, portal, catalog)
    loading = asyncio.create_task(load.run())
    await wait_for(lambda: _answered(load, 200), what="201s before the outage", within=60)

    await asyncio.to_thread(postgres.stop)
    down_at, accepted_before = time.monotonic(), load.count(201)
    await wait_for(lambda: _not_ready(apis), what="/readyz failing", within=30, children=apis)
    async with httpx.AsyncClient(timeout=30, trust_env=False) as client:
        readiness = [await client.get(f"{api.url}/readyz") for api in apis]
        listing = await client.get(f"{plans.url}/api/v1/agencies", headers=admin)
    await asyncio.sleep(DOWN_SECONDS)
    answered_while_down = len(load.answers)

    restarting_at = time.monotonic()
    await asyncio.to_thread(postgres.start)
    back_at = time.monotonic()
    await wait_for(lambda: _ready(apis), what="/readyz 200 again", within=60, children=apis)
    ready_in = time.monotonic() - back_at
    accepted_at_return = load.count(201)
    await wait_for(lambda: _answered(load, accepted_at_return + 200), what="201s after", within=60)
    posting_in = time.monotonic() - back_at
    load.stop.set()
    await loading

    # what got no 201 is retried with its key, as a client would: each lands exactly once
    async with httpx.AsyncClient(base_url=feedback.url, timeout=30, trust_env=False) as client:
        retried = [
            await post(client, portal, answer.key, answer.body)
            for answer in load.answers
            if answer.status != 201
        ]
    await wait_for(
        lambda: _all_aggregated(sessionmaker), what="aggregates", within=120, children=[worker]
    )
    stored = await _stored_ids(sessionmaker)
    acknowledged = {answer.receipt_id for answer in load.answers if answer.status == 201}
    failed = [answer for answer in load.answers if answer.status != 201]
    counts = await tally(sessionmaker)
    figures(
        "postgres crashed under load",
        posted=len(load.answers),
        accepted=len(acknowledged),
        accepted_before=accepted_before,
        answered_503=load.count(503),
        no_answer=load.count(None),
        # committed, yet the answer was a 503 (the crash took the acknowledgement): the retry
        # with the same key gets the original receipt
        committed_without_201=sum(answer.replayed for answer in retried),
        down_seconds=back_at - down_at,
        postgres_restart_seconds=back_at - restarting_at,
        requests_while_down=answered_while_down - accepted_before,
        ready_again_seconds=ready_in,
        accepting_again_seconds=posting_in,
        retried_503=len(retried),
        aggregated=counts.aggregated,
        lost=counts.lost,
        duplicates=counts.duplicated,
    )
    assert all(child.alive() for child in (*apis, worker))
    assert [child.pid for child in (*apis, worker)] == pids  # nobody was restarted
    assert [r.status_code for r in readiness] == [503, 503]
    assert all("database: unavailable" in r.json()["detail"] for r in readiness)
    assert listing.status_code == 503
    assert listing.headers["content-type"] == "application/problem+json"
    assert listing.headers["retry-after"] == "5"
    assert failed, "no request met the outage"
    assert {answer.status for answer in failed} == {503}
    assert all(answer.problem and answer.retry_after for answer in failed)
    assert acknowledged <= stored  # every 201 was committed
    assert {answer.status for answer in retried} == {201}
    assert len(stored) == len({answer.key for answer in load.answers})
    assert (counts.applied, counts.aggregated) == (len(stored), len(stored))
    assert await differences_from_a_clean_run(sessionmaker) == []


async def _answered(load: Load, created: int) -> bool:
    return load.count(201) >= created


async def _statuses(apis: list[OtklikProcess]) -> list[int]:
    async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
        return [(await client.get(f"{api.url}/readyz")).status_code for api in apis]


async def _not_ready(apis: list[OtklikProcess]) -> bool:
    return set(await _statuses(apis)) == {503}


async def _ready(apis: list[OtklikProcess]) -> bool:
    return set(await _statuses(apis)) == {200}


async def _stored_ids(sessionmaker: async_sessionmaker[AsyncSession]) -> set[str | None]:
    async with sessionmaker() as session:
        return set((await session.scalars(text("SELECT id::text FROM feedback.feedback"))).all())


async def _all_aggregated(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    counts = await tally(sessionmaker)
    return counts.unsent == 0 and counts.aggregated >= counts.stored
