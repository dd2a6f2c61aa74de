"""Time-ordered ids (UUID version 7, RFC 9562): the id tells when the row was made, so a row of
a table partitioned by that time is found by its id alone."""

import os
import time
import uuid
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def uuid7(at_ms: int | None = None) -> uuid.UUID:
    ms = now_ms() if at_ms is None else at_ms
    value = (ms & 0xFFFF_FFFF_FFFF) << 80
    value |= int.from_bytes(os.urandom(10), "big") & ((1 << 80) - 1)
    value &= ~(0xF << 76)
    value |= 0x7 << 76  # version
    value &= ~(0x3 << 62)
    value |= 0x2 << 62  # RFC 4122 variant
    return uuid.UUID(int=value)


def uuid7_time(value: uuid.UUID) -> datetime | None:
    """When a version 7 id was made (millisecond precision); None for any other id."""
    if value.version != 7:
        return None
    return ms_to_datetime(value.int >> 80)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def ms_to_datetime(ms: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=ms)
