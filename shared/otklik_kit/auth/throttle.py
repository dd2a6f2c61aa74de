"""Per-key request rate limits: a token bucket per key in each process.

In-process on purpose: it costs no round trip on the hot path and keeps working when Redis is
down. With N replicas behind a balancer a key gets up to N times the rate; set the limit per
replica accordingly.
"""

import math
import time
import uuid

from otklik_kit.errors import TooManyRequests

# buckets of keys not seen for this long are forgotten (bounded memory)
IDLE_SECONDS = 300.0


class KeyThrottle:
    def __init__(self, *, rate_per_second: float, burst: int) -> None:
        self._rate = rate_per_second
        self._burst = float(burst)
        self._buckets: dict[uuid.UUID, tuple[float, float]] = {}  # key → (tokens, at)
        self._last_sweep = time.monotonic()

    def check(self, key_id: uuid.UUID) -> None:
        """Takes one token for the key; raises a 429 with Retry-After when none is left."""
        now = time.monotonic()
        tokens, at = self._buckets.get(key_id, (self._burst, now))
        tokens = min(self._burst, tokens + (now - at) * self._rate)
        if tokens < 1:
            self._buckets[key_id] = (tokens, now)
            wait = math.ceil((1 - tokens) / self._rate)
            raise TooManyRequests(
                wait, f"This key is limited to {self._rate:g} requests per second"
            )
        self._buckets[key_id] = (tokens - 1, now)
        if now - self._last_sweep > IDLE_SECONDS:
            self._sweep(now)

    def _sweep(self, now: float) -> None:
        self._last_sweep = now
        for key_id, (_, at) in list(self._buckets.items()):
            if now - at > IDLE_SECONDS:
                del self._buckets[key_id]
