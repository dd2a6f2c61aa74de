"""The Redis side of events: arq pools with a JSON serializer (never pickle)."""

import json
from typing import Any

from arq.connections import ArqRedis, RedisSettings
from redis.asyncio import ConnectionPool

EVENTS_JOB = "events.deliver"


def serialize_job(data: dict[str, Any]) -> bytes:
    return json.dumps(data, separators=(",", ":"), default=str).encode()


def deserialize_job(raw: bytes) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(raw)
    return result


def redis_settings(url: str) -> RedisSettings:
    return RedisSettings.from_dsn(url)


def lazy_arq_redis(url: str) -> ArqRedis:
    """An arq client that connects on first use, so a service starts while Redis is down."""
    pool = ConnectionPool.from_url(
        url, socket_connect_timeout=2, socket_timeout=5, health_check_interval=30
    )
    return ArqRedis(
        pool_or_conn=pool, job_serializer=serialize_job, job_deserializer=deserialize_job
    )
