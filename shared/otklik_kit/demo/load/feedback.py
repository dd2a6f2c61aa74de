"""Posting the generated feedback through `POST /api/v1/feedback/batch`, several batches at a
time, while the next ones are generated.

Every item carries an idempotency key (the region's anchor and its position), so a batch sent
again after a timeout or a dropped connection is replayed, not stored twice.
"""

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from otklik_kit.demo.generate.feedback import FeedbackGenerator
from otklik_kit.demo.load.api import Apis, DemoError, call

# feedback-api learns of new services and touchpoints from plans-api's events a moment later
CATALOG_WAIT_SECONDS = 120
UNKNOWN_YET = frozenset(
    {"unknown_service", "unknown_touchpoint", "unknown_agency", "unknown_stage"}
)


@dataclass
class FeedbackLoad:
    created: int = 0
    replayed: int = 0


async def newest_feedback(apis: Apis, agency_ids: Sequence[str]) -> datetime | None:
    """When the newest feedback of these agencies was received, if any was."""
    newest: datetime | None = None
    for agency_id in agency_ids:
        page = await call(
            apis.feedback, "GET", "/api/v1/feedback", params={"agency_id": agency_id, "limit": 1}
        )
        for item in page["items"]:
            received = datetime.fromisoformat(item["received_at"])
            newest = max(newest, received) if newest else received
    return newest


async def load_feedback(
    apis: Apis,
    generator: FeedbackGenerator,
    *,
    batch_size: int,
    concurrency: int,
    tick: Callable[[int], None],
) -> FeedbackLoad:
    loaded = FeedbackLoad()
    queue: asyncio.Queue[list[dict[str, Any]] | None] = asyncio.Queue(maxsize=concurrency * 2)

    async def produce() -> None:
        for batch in generator.batches(batch_size):
            await queue.put(batch)
        for _ in range(concurrency):
            await queue.put(None)

    async def post_batches() -> None:
        while (batch := await queue.get()) is not None:
            await _post(apis, batch, loaded, tick)

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(produce())
            for _ in range(concurrency):
                group.create_task(post_batches())
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None
    return loaded


async def _post(
    apis: Apis, items: list[dict[str, Any]], loaded: FeedbackLoad, tick: Callable[[int], None]
) -> None:
    deadline = time.monotonic() + CATALOG_WAIT_SECONDS
    pending = items
    while pending:
        report = await call(
            apis.feedback, "POST", "/api/v1/feedback/batch", json={"items": pending}
        )
        again = []
        for item, result in zip(pending, report["results"], strict=True):
            if result["outcome"] == "created":
                loaded.created += 1
            elif result["outcome"] == "replayed":
                loaded.replayed += 1
            else:
                problem = result["problem"] or {}
                types = {str(e.get("type")) for e in problem.get("errors") or []}
                if types & UNKNOWN_YET and time.monotonic() < deadline:
                    again.append(item)
                else:
                    raise DemoError(f"a generated feedback was rejected: {problem}")
        tick(len(pending) - len(again))
        pending = again
        if pending:
            await asyncio.sleep(1)
