"""Real PostgreSQL and Redis for every test: a fresh database per run, migrated by the fixture."""

import asyncio
import contextlib
import dataclasses
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.keys import issue_key
from otklik_kit.auth.scopes import Scope
from otklik_kit.db import create_sessionmaker
from otklik_kit.events.transport import lazy_arq_redis
from otklik_kit.events.worker import WorkerSpec
from otklik_kit.events.worker import build_worker as build_service_worker
from otklik_kit.migrations import upgrade_all
from otklik_kit.services import ALL_MIGRATIONS
from otklik_kit.settings import KitSettings
from plans_api.app import create_app as create_plans_app
from plans_api.config import PlansSettings
from reporting_worker.app import create_app as create_reporting_app
from reporting_worker.config import ReportingSettings
from reporting_worker.worker import WORKER as REPORTING_WORKER
from tests import infra

if TYPE_CHECKING:
    from tests.feedback_helpers import Catalog
    from tests.review_helpers import Desk

TEST_CONTACTS_KEY = "hE7X0q3Zb0m5XH2kq0c2C1v4f1m0t6W9yJ0s8Q2pR1k="
# Reference data shipped by migrations survives the per-test cleanup.
KEEP_TABLES = frozenset({"alembic_version"})


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    server = infra.server_database_url()
    name = f"otklik_test_{uuid.uuid4().hex[:10]}"

    async def admin(sql: str) -> None:
        engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(sql))
        finally:
            await engine.dispose()

    # Alembic and this setup run their own event loops, away from the tests' loop.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, admin(f'CREATE DATABASE "{name}"')).result()
        url = infra.with_database(server, name)
        try:
            thread.submit(upgrade_all, url).result()
            yield url
        finally:
            thread.submit(asyncio.run, admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            thread.submit(lambda: None).result()


@pytest.fixture(scope="session")
def redis_url() -> str:
    return infra.redis_url()


@pytest.fixture(scope="session")
def settings_overrides(database_url: str, redis_url: str) -> dict[str, Any]:
    return {
        "OTKLIK_ENV": "test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "API_KEY_CACHE_SECONDS": 0,
        # tests drive the relay and sweeper by hand, step by step
        "OUTBOX_RELAY_ENABLED": False,
        # and drain the services' queues with burst workers
        "EMBEDDED_WORKER_ENABLED": False,
        "CONTACTS_ENCRYPTION_KEY": TEST_CONTACTS_KEY,
        "MAX_BODY_BYTES": 65536,
        "LOG_LEVEL": "WARNING",
    }


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine)


@pytest.fixture(scope="session")
async def redis(redis_url: str) -> AsyncIterator[ArqRedis]:
    client = lazy_arq_redis(redis_url)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose(close_connection_pool=True)


async def _truncate_all(engine: AsyncEngine) -> None:
    """Empties the tables a test wrote to (truncating only those keeps the suite fast)."""
    schemas = [tree.schema for tree in ALL_MIGRATIONS]
    async with engine.begin() as connection:
        rows = await connection.execute(
            text(
                "SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY(:schemas) "
                "AND tablename NOT IN (SELECT c.relname FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relispartition "
                "AND n.nspname = ANY(:schemas))"
            ),
            {"schemas": schemas},
        )
        tables = [f'"{s}"."{t}"' for s, t in rows if t not in KEEP_TABLES]
        probe = " UNION ALL ".join(
            f"SELECT {i} FROM (SELECT 1 FROM {table} LIMIT 1) AS t{i}"
            for i, table in enumerate(tables)
        )
        used = [tables[i] for (i,) in await connection.execute(text(probe))] if tables else []
        if used:
            await connection.execute(text(f"TRUNCATE {', '.join(used)} RESTART IDENTITY CASCADE"))


@pytest.fixture(autouse=True)
async def clean_state(engine: AsyncEngine, redis: ArqRedis) -> AsyncIterator[None]:
    yield
    await _truncate_all(engine)
    await redis.flushdb()


@contextlib.asynccontextmanager
async def running(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


@pytest.fixture
def plans_settings(settings_overrides: dict[str, Any]) -> PlansSettings:
    return PlansSettings(**settings_overrides)


@pytest.fixture
def reporting_settings(settings_overrides: dict[str, Any]) -> ReportingSettings:
    return ReportingSettings(**settings_overrides)


@pytest.fixture
def plans_app(plans_settings: PlansSettings) -> FastAPI:
    return create_plans_app(plans_settings)


@pytest.fixture
async def plans(plans_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(plans_app) as client:
        yield client


@pytest.fixture
def feedback_settings(settings_overrides: dict[str, Any]) -> FeedbackSettings:
    return FeedbackSettings(**settings_overrides)


@pytest.fixture
def feedback_app(feedback_settings: FeedbackSettings) -> FastAPI:
    return create_feedback_app(feedback_settings)


@pytest.fixture
async def feedback(feedback_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(feedback_app) as client:
        yield client


@pytest.fixture
def reporting_app(reporting_settings: ReportingSettings) -> FastAPI:
    return create_reporting_app(reporting_settings)


@pytest.fixture
async def reporting(reporting_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running(reporting_app) as client:
        yield client


class KeyMaker:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker

    async def __call__(
        self,
        *scopes: Scope,
        agency_id: uuid.UUID | None = None,
        origins: list[str] | None = None,
    ) -> str:
        async with self._sessionmaker() as session, session.begin():
            issued = await issue_key(
                session,
                name="test",
                scopes=frozenset(scopes),
                agency_id=agency_id,
                origins=origins,
            )
        return issued.token


@pytest.fixture
def make_key(sessionmaker: async_sessionmaker[AsyncSession]) -> KeyMaker:
    return KeyMaker(sessionmaker)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def catalog(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
) -> "Catalog":
    """Two agencies with a service each, made in plans-api and carried to feedback-api."""
    from tests.feedback_helpers import seed_catalog

    return await seed_catalog(plans, plans_app, feedback_settings, admin_headers)


@pytest.fixture
async def run(
    feedback: httpx.AsyncClient, catalog: "Catalog", admin_headers: dict[str, str]
) -> dict[str, Any]:
    """An open run of the MFC visit survey on the catalog's first service, behind its link."""
    from tests.survey_helpers import mfc_run

    return await mfc_run(feedback, admin_headers, catalog)


@pytest.fixture
async def desk(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: "KeyMaker",
) -> "Desk":
    """An agency's operators and a portal, over the seeded catalog (see review_helpers)."""
    from tests.review_helpers import open_desk

    return await open_desk(plans, plans_app, feedback_settings, admin_headers, make_key)


@pytest.fixture
async def portal(make_key: KeyMaker) -> dict[str, str]:
    """Headers of a portal's key: it posts feedback."""
    return bearer(await make_key(Scope.FEEDBACK_WRITE))


@pytest.fixture
async def admin_headers(make_key: KeyMaker) -> dict[str, str]:
    return bearer(await make_key(Scope.ADMIN))


async def drain(spec: WorkerSpec, settings: KitSettings, *, with_cron: bool = False) -> None:
    """Runs a service's worker in burst mode: it handles what is queued, then stops. Cron jobs
    are left out unless asked for, so a tick falling inside the drain cannot surprise a test."""
    if not with_cron:
        spec = dataclasses.replace(spec, cron_jobs=())
    worker = build_service_worker(spec, settings, burst=True)
    try:
        await worker.main()
    finally:
        await worker.close()


async def drain_worker(settings: ReportingSettings) -> None:
    await drain(REPORTING_WORKER, settings)
