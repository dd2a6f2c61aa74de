"""Fixed-window request counters in Redis.

Fails open: when Redis is down or slow the request goes through and a warning is logged, so a
Redis outage never stops what the limit protects. After a failure the limiter stays open for a
few seconds without asking Redis, so an outage does not add a timeout to every request.
"""

import asyncio
import logging
import math
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger("otklik.ratelimit")


class FixedWindowLimiter:
    """At most `limit` hits per key in each window of `window_seconds` (a window starts at a
    multiple of its length, so a client may burst up to twice the limit across a boundary)."""

    def __init__(
        self,
        redis: Redis,
        *,
        name: str,
        limit: int,
        window_seconds: int = 60,
        timeout_seconds: float = 0.5,
        pause_after_failure_seconds: float = 5.0,
    ) -> None:
        self.redis = redis
        self.name = name
        self.limit = limit
        self.window_seconds = window_seconds
        self.timeout_seconds = timeout_seconds
        self.pause_after_failure_seconds = pause_after_failure_seconds
        self._skip_until = 0.0

    async def hit(self, *keys: str) -> int | None:
        """Counts one hit on each key; the seconds to wait when any key is over its limit."""
        now = time.time()
        if not keys or now < self._skip_until:
            return None
        window = int(now // self.window_seconds)
        try:
            counts = await asyncio.wait_for(self._count(keys, window), self.timeout_seconds)
        except (RedisError, OSError, TimeoutError) as exc:
            self._skip_until = now + self.pause_after_failure_seconds
            logger.warning(
                "rate limit %s not checked, Redis unavailable: %s", self.name, type(exc).__name__
            )
            return None
        if max(counts) <= self.limit:
            return None
        return max(1, math.ceil((window + 1) * self.window_seconds - now))

    async def _count(self, keys: tuple[str, ...], window: int) -> list[int]:
        async with self.redis.pipeline(transaction=True) as pipe:
            for key in keys:
                redis_key = f"ratelimit:{self.name}:{key}:{window}"
                pipe.incr(redis_key)
                pipe.expire(redis_key, self.window_seconds + 1)
            results = await pipe.execute()
        return [int(count) for count in results[::2]]
