"""Adding feedback into the daily aggregates: counted in memory per batch, then one upsert."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta, timezone
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import FeedbackPayload, Sentiment
from reporting_worker.aggregates.models import (
    COUNTERS,
    NONE_ID,
    NONE_STAGE,
    FeedbackDaily,
)

# Days of the monthly reports are Moscow days, as the agencies' official reporting is.
MOSCOW = timezone(timedelta(hours=3))
Key = tuple[date, uuid.UUID, uuid.UUID, str, str, uuid.UUID]
KEY_COLUMNS = ("day", "agency_id", "service_id", "stage", "channel", "touchpoint_id")
_INDEX = {name: position for position, name in enumerate(COUNTERS)}


def aggregate_key(feedback: FeedbackPayload) -> Key:
    return (
        feedback.occurred_at.astimezone(MOSCOW).date(),
        feedback.agency_id,
        feedback.service_id or NONE_ID,
        feedback.stage.value if feedback.stage else NONE_STAGE,
        feedback.channel.value,
        feedback.touchpoint_id or NONE_ID,
    )


def count(
    feedbacks: Iterable[FeedbackPayload], sentiments: Mapping[uuid.UUID, Sentiment]
) -> dict[Key, list[int]]:
    """Counters per key; `sentiments` holds the classified comments' sentiment by feedback id."""
    totals: dict[Key, list[int]] = defaultdict(lambda: [0] * len(COUNTERS))
    for feedback in feedbacks:
        row = totals[aggregate_key(feedback)]
        row[_INDEX["responses"]] += 1
        row[_INDEX[f"rating_{feedback.rating}"]] += 1
        for criterion, score in feedback.criteria.items():
            row[_INDEX[f"{criterion.value}_sum"]] += score
            row[_INDEX[f"{criterion.value}_count"]] += 1
        if feedback.comment:
            row[_INDEX["comments"]] += 1
        if sentiment := sentiments.get(feedback.feedback_id):
            row[_INDEX[f"sentiment_{sentiment}"]] += 1
    return totals


async def add_to_aggregates(
    session: AsyncSession,
    feedbacks: Iterable[FeedbackPayload],
    sentiments: Mapping[uuid.UUID, Sentiment],
) -> None:
    totals = count(feedbacks, sentiments)
    if not totals:
        return
    # sorted keys: concurrent workers lock rows in the same order (no deadlocks)
    rows: list[dict[str, Any]] = [
        {**dict(zip(KEY_COLUMNS, key, strict=True)), **dict(zip(COUNTERS, values, strict=True))}
        for key, values in sorted(totals.items(), key=lambda item: tuple(map(str, item[0])))
    ]
    statement = insert(FeedbackDaily).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY_COLUMNS),
        set_={name: getattr(FeedbackDaily, name) + statement.excluded[name] for name in COUNTERS},
    )
    await session.execute(statement)
