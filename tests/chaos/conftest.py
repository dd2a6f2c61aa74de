"""Fault tests with real processes: `otklik serve` and `otklik worker` started by the test on free
ports, against a private Redis (and, for the database outage, a private PostgreSQL), killed
with real signals. The machine's shared PostgreSQL and Redis are never stopped."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.processes import Processes, RedisProcess


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    server = RedisProcess(tmp_path)
    server.start()
    yield server
    server.stop()


def child_env(settings_overrides: dict[str, Any], **extra: str) -> dict[str, str]:
    """The environment of a service process: the test's settings, production-like timings, and
    a sweeper and job leases short enough to see a lost batch or a killed job within a test."""
    chosen = {
        key: str(value)
        for key, value in settings_overrides.items()
        if key not in ("OUTBOX_RELAY_ENABLED", "EMBEDDED_WORKER_ENABLED", "API_KEY_CACHE_SECONDS")
    }
    return {
        **os.environ,
        **chosen,
        "RATE_LIMIT_PER_SECOND": "0",
        "OUTBOX_SWEEP_SECONDS": "1",
        "OUTBOX_STALE_SECONDS": "3",
        "JOB_LEASE_SECONDS": "5",
        **extra,
    }


@pytest.fixture
def processes(
    tmp_path: Path, settings_overrides: dict[str, Any], private_redis: RedisProcess
) -> Iterator[Processes]:
    """Starts service processes on the test database and the private Redis; kills what is left
    (the whole process group) when the test ends, before the tables are emptied."""
    started = Processes(tmp_path, child_env(settings_overrides, REDIS_URL=private_redis.url))
    yield started
    started.close()
