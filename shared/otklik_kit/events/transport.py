"""The Redis side of events: arq pools with a JSON serializer (never pickle)."""

import json
from typing import Any

from arq.connections import ArqRedis, RedisSettings
from redis.asyncio import ConnectionPool

EVENTS_JOB = "events.deliver"


class EncodedList(list[str]):
    """A job argument whose items are already JSON text (e.g. built by PostgreSQL): the job
    serializer writes them in as they are, a JSON array, instead of encoding strings."""


# stands for an EncodedList while the rest of the job is encoded; a NUL cannot occur in the
# job's own strings (function names, ids), and json.dumps always writes it escaped like this
_SPLICE = "\x00otklik-encoded\x00"
_SPLICE_JSON = json.dumps(_SPLICE)


def serialize_job(data: dict[str, Any]) -> bytes:
    args = data.get("a")
    if args and isinstance(args[0], EncodedList):
        encoded = "[" + ",".join(args[0]) + "]"
        data = {**data, "a": [_SPLICE, *args[1:]]}
        text = json.dumps(data, separators=(",", ":"), default=str)
        return text.replace(_SPLICE_JSON, encoded, 1).encode()
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
