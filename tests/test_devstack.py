"""The dev stack's embedded servers, started for real on free ports in a temporary directory."""

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from otklik_kit.devstack import infra, runner
from tests.processes import postgres_workdir


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def redis_port(tmp_path: Path) -> Iterator[int]:
    port = _free_port()
    yield port
    infra.stop_embedded_redis(tmp_path, port)


@pytest.fixture
def pg_dir() -> Iterator[Path]:
    workdir = postgres_workdir()
    yield workdir
    infra.stop_embedded_postgres(workdir)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_port() -> int:
    return _free_port()


def _redis_pid(url: str) -> int:
    with redis.Redis.from_url(url) as client:
        return int(client.info("server")["process_id"])


def test_tcp_port_answers_only_when_something_listens() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert infra.tcp_port_answers("127.0.0.1", port)
    assert not infra.tcp_port_answers("127.0.0.1", port)


def test_embedded_redis_answers_and_is_reused(tmp_path: Path, redis_port: int) -> None:
    url = infra.ensure_embedded_redis(tmp_path, redis_port)

    assert url == f"redis://127.0.0.1:{redis_port}/0"
    assert infra.redis_is_running(redis_port)
    assert infra.ensure_embedded_redis(tmp_path, redis_port) == url
    assert _redis_pid(url) == _redis_pid(infra.ensure_embedded_redis(tmp_path, redis_port))


def test_embedded_redis_keeps_its_data_across_a_restart(tmp_path: Path, redis_port: int) -> None:
    url = infra.ensure_embedded_redis(tmp_path, redis_port)
    with redis.Redis.from_url(url) as client:
        client.set("otklik:test", "kept")

    infra.stop_embedded_redis(tmp_path, redis_port)
    assert not infra.tcp_port_answers("127.0.0.1", redis_port)
    infra.ensure_embedded_redis(tmp_path, redis_port)

    with redis.Redis.from_url(url) as client:
        assert client.get("otklik:test") == b"kept"


def test_embedded_redis_refuses_a_port_taken_by_something_else(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with pytest.raises(infra.DevStackError, match="taken"):
            infra.ensure_embedded_redis(tmp_path, listener.getsockname()[1])


async def _fetch(url: str, *statements: str) -> object:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            results = [await connection.execute(text(sql)) for sql in statements]
            return results[-1].scalar() if results[-1].returns_rows else None
    finally:
        await engine.dispose()


async def test_embedded_postgres_serves_otklik_and_keeps_data(pg_dir: Path, pg_port: int) -> None:
    url = infra.ensure_embedded_postgres(pg_dir, pg_port)
    assert url == f"postgresql+asyncpg://postgres@127.0.0.1:{pg_port}/otklik"
    await _fetch(url, "CREATE TABLE kept (label text)", "INSERT INTO kept VALUES ('ПРИВЕТ')")

    assert infra.ensure_embedded_postgres(pg_dir, pg_port) == url  # reused while running
    infra.stop_embedded_postgres(pg_dir)
    assert not infra.postgres_is_running(pg_dir)
    infra.ensure_embedded_postgres(pg_dir, pg_port)

    assert await _fetch(url, "SELECT lower(label) FROM kept") == "привет"


def test_run_stack_fails_fast_when_an_api_port_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        taken = listener.getsockname()[1]
        monkeypatch.setattr(runner, "API_PORTS", (taken,))

        assert runner.run_stack(data_dir=tmp_path) == 2

    assert not (tmp_path / "postgres").exists()
