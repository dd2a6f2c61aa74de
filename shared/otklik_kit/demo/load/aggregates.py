"""Waiting for the reporting worker to count the feedback: `GET /api/v1/aggregates/totals` of
the demo's agencies and days, polled until it reaches what was posted."""

import asyncio
import time
from collections.abc import Callable, Sequence
from datetime import date

from otklik_kit.demo.load.api import Apis, DemoError, send

POLL_SECONDS = 2.0
TOTALS_PATH = "/api/v1/aggregates/totals"


async def counted(
    apis: Apis, agency_ids: Sequence[str], first_day: date, last_day: date
) -> int | None:
    """Feedback the aggregates hold; None when this reporting API cannot tell."""
    params = {
        "agency_id": list(agency_ids),
        "first_day": first_day.isoformat(),
        "last_day": last_day.isoformat(),
    }
    response = await send(apis.reporting, "GET", TOTALS_PATH, params=params, expect=(200, 404))
    if response.status_code == 404:
        return None
    total: int = response.json()["feedback"]
    return total


async def wait_for_aggregates(
    apis: Apis,
    agency_ids: Sequence[str],
    days: tuple[date, date],
    *,
    expected: int,
    stall_seconds: float,
    show: Callable[[int], None],
) -> int | None:
    """The count once it reaches `expected`; gives up when it stops moving for a while."""
    last, moved_at = -1, time.monotonic()
    while True:
        total = await counted(apis, agency_ids, *days)
        if total is None:
            return None
        show(total)
        if total >= expected:
            return total
        if total != last:
            last, moved_at = total, time.monotonic()
        elif time.monotonic() - moved_at > stall_seconds:
            raise DemoError(
                f"the reporting worker has counted {total} of {expected} feedback and made no "
                f"progress for {stall_seconds:.0f} s: is it running (otklik worker)?"
            )
        await asyncio.sleep(POLL_SECONDS)
