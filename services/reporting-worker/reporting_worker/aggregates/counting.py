"""Adding feedback into the daily aggregates: counted in memory per batch, then one upsert."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import FeedbackPayload, Sentiment

# Days of the monthly reports are Moscow days, as the agencies' official reporting is.
from otklik_shared.measures import MOSCOW
from reporting_worker.aggregates.models import (
    COUNTERS,
    NONE_ID,
    NONE_STAGE,
    FeedbackDaily,
)
from reporting_worker.database import Base

Key = tuple[date, uuid.UUID, uuid.UUID, str, str, uuid.UUID]
KEY_COLUMNS = ("day", "agency_id", "service_id", "stage", "channel", "touchpoint_id")
CATEGORY_KEY_COLUMNS = (*KEY_COLUMNS, "category")
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


Totals = dict[tuple[Any, ...], list[int]]


def count(
    feedbacks: Iterable[FeedbackPayload], sentiments: Mapping[uuid.UUID, Sentiment]
) -> Totals:
    """Counters per key; `sentiments` holds the classified comments' sentiment by feedback id."""
    totals: Totals = defaultdict(lambda: [0] * len(COUNTERS))
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


def merge(into: Totals, more: Totals) -> None:
    for key, values in more.items():
        row = into.setdefault(key, [0] * len(values))
        for position, value in enumerate(values):
            row[position] += value


async def add_counts(
    session: AsyncSession,
    model: type[Base],
    key_columns: tuple[str, ...],
    counters: tuple[str, ...],
    totals: Totals,
) -> None:
    """Adds the totals to the model's counters (rows made as needed), in one statement."""
    # sorted keys: concurrent workers lock rows in the same order (no deadlocks)
    rows: list[dict[str, Any]] = [
        {**dict(zip(key_columns, key, strict=True)), **dict(zip(counters, values, strict=True))}
        for key, values in sorted(totals.items(), key=lambda item: tuple(map(str, item[0])))
    ]
    if not rows:
        return
    # the rows as parameters of one cached statement (SQLAlchemy sends them as multi-row
    # INSERTs in order), not a VALUES list compiled anew for every batch
    table: Any = model.__table__
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=list(key_columns),
        set_={name: table.c[name] + statement.excluded[name] for name in counters},
    )
    await session.execute(statement, rows)


async def add_to_aggregates(session: AsyncSession, totals: Totals) -> None:
    await add_counts(session, FeedbackDaily, KEY_COLUMNS, COUNTERS, totals)
