"""The system under test: a dedicated database, a private Redis, the three services and the
reporting worker as real processes, and a catalog made through plans-api's API."""

import asyncio
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
from sqlalchemy.ext.asyncio import create_async_engine

from benchmarks.processes import PeakMemory, Process, redis_server, uvicorn
from otklik_kit.auth.keys import issue_key
from otklik_kit.auth.scopes import Scope
from otklik_kit.db import create_sessionmaker
from otklik_kit.devstack.infra import ensure_embedded_postgres, tcp_port_answers
from otklik_kit.migrations import upgrade_all
from otklik_kit.settings import normalize_database_url

REPO_ROOT = Path(__file__).resolve().parents[1]
STAGES = ["information", "consultation", "application", "processing", "decision", "result"]
SERVICE_TITLES = [
    "Назначение ежемесячной денежной выплаты на ребенка от трех до семи лет",
    "Выдача справки о составе семьи",
    "Назначение государственной социальной помощи",
    "Выдача удостоверения многодетной семьи",
    "Компенсация расходов на оплату жилого помещения",
]


def server_url() -> str:
    """A PostgreSQL server the run may create its databases on (BENCH_DATABASE_URL, the local
    one on 5432, or the embedded one of `make run`)."""
    if url := os.environ.get("BENCH_DATABASE_URL"):
        return normalize_database_url(url)
    if tcp_port_answers("127.0.0.1", 5432):
        return "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    return ensure_embedded_postgres(REPO_ROOT / ".otklik" / "bench" / "pg", port=55434)


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def database_exists(server: str, name: str) -> bool:
    connection = await asyncpg.connect(asyncpg_dsn(server))
    try:
        return bool(await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name))
    finally:
        await connection.close()


async def recreate_database(server: str, name: str) -> str:
    connection = await asyncpg.connect(asyncpg_dsn(server))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    url = with_database(server, name)
    await asyncio.to_thread(upgrade_all, url)
    return url


@dataclass
class Catalog:
    agency_id: str
    services: list[dict[str, str | list[str]]]
    probe_service_id: str
    admin_token: str
    portal_tokens: list[str]


@dataclass
class Stack:
    workdir: Path
    database_url: str
    memory: PeakMemory
    redis: Process | None = None
    processes: dict[str, Process] = field(default_factory=dict)

    def env(self, **extra: str) -> dict[str, str]:
        assert self.redis is not None
        env = {
            **os.environ,
            "OTKLIK_ENV": "development",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "LOG_LEVEL": "INFO",
            "PYTHONPATH": str(REPO_ROOT),
        }
        env.update(extra)
        return env

    def start_redis(self) -> None:
        self.redis = redis_server(self.workdir).start()

    def start(self, name: str, process: Process) -> Process:
        self.processes[name] = process.start()
        self.memory.watch(name, process.pid)
        return process

    def start_api(self, name: str, factory: str) -> Process:
        return self.start(name, uvicorn(name, factory, self.env(), self.workdir, factory=True))

    def start_worker(self) -> Process:
        command = [sys.executable, "-m", "otklik_kit.cli", "worker", "reporting-worker"]
        log = self.workdir / "reporting-worker.log"
        return self.start("reporting worker", Process("reporting worker", command, self.env(), log))

    def stop(self, name: str) -> None:
        if process := self.processes.pop(name, None):
            process.stop()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
        if self.redis is not None:
            self.redis.stop()

    def url(self, name: str) -> str:
        return self.processes[name].url


async def issue_tokens(database_url: str, portals: int) -> tuple[str, list[str]]:
    engine = create_async_engine(database_url)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            admin = await issue_key(
                session, name="bench admin", scopes=frozenset({Scope.ADMIN}), agency_id=None
            )
            tokens = [
                (
                    await issue_key(
                        session,
                        name=f"bench portal {n}",
                        scopes=frozenset({Scope.FEEDBACK_WRITE}),
                        agency_id=None,
                    )
                ).token
                for n in range(portals)
            ]
    finally:
        await engine.dispose()
    return admin.token, tokens


async def make_catalog(stack: Stack, *, with_worker: bool, portals: int = 16) -> Catalog:
    """An agency and its services made in plans-api, waited for in feedback-api's copy and,
    with the reporting worker running, in its copy (the events travel as in production)."""
    admin, tokens = await issue_tokens(stack.database_url, portals)
    headers = {"Authorization": f"Bearer {admin}"}
    async with httpx.AsyncClient(base_url=stack.url("plans-api"), headers=headers) as plans:
        agency = await plans.post(
            "/api/v1/agencies",
            json={
                "name": "Министерство социальной защиты (нагрузочный стенд)",
                "level": "regional",
            },
        )
        agency.raise_for_status()
        agency_id = agency.json()["id"]
        services = []
        for title in [*SERVICE_TITLES, "Зонд задержки отчетности"]:
            made = await plans.post(
                "/api/v1/services",
                json={
                    "agency_id": agency_id,
                    "title": title,
                    "direction": "state_services",
                    "stages": STAGES,
                },
            )
            made.raise_for_status()
            services.append({"id": made.json()["id"], "stages": STAGES})
    ids = [uuid.UUID(str(s["id"])) for s in services]
    connection = await asyncpg.connect(asyncpg_dsn(stack.database_url))
    try:
        deadline = time.monotonic() + 60
        while True:
            copies = await connection.fetchval(
                "SELECT (SELECT count(*) FROM feedback.catalog_services WHERE id = ANY($1))"
                " + (SELECT count(*) FROM reporting.services WHERE id = ANY($1))",
                ids,
            )
            if copies == (2 if with_worker else 1) * len(ids):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("the catalog did not reach feedback-api (and the worker)")
            await asyncio.sleep(0.2)
    finally:
        await connection.close()
    probe = services.pop()
    return Catalog(agency_id, services, str(probe["id"]), admin, tokens)


async def settle_outbox(database_url: str, within_seconds: float = 60) -> None:
    """Waits until feedback-api's relay has handed every event to Redis, so one load's backlog
    does not run into the next measurement."""
    connection = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        deadline = time.monotonic() + within_seconds
        while time.monotonic() < deadline:
            if not await connection.fetchval(
                "SELECT count(*) FROM feedback.outbox WHERE sent_at IS NULL"
            ):
                return
            await asyncio.sleep(0.2)
    finally:
        await connection.close()
