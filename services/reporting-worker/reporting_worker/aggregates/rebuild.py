"""Rebuilding the aggregates of a period from feedback-api's records (its export contract, not
its tables), so they end with the numbers a clean, exactly-once count would give.

The rebuild and the live handler exclude each other with an advisory lock: the rebuild holds it
exclusively for its whole transaction, the live handler tries it shared and, when a rebuild
runs, fails its batch to be retried later (it never waits, so the two cannot deadlock). Inside
the lock the rebuild marks every record it counted as applied in the inbox (a record's id is
the id of the event that announced it), so events still queued for those records are dropped
as repeats, and events of records it did not see are counted live after it, once.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.events.publisher import publish
from otklik_shared.events import FeedbackPayload
from otklik_shared.measures import MOSCOW
from reporting_worker.aggregates.counting import Totals, add_to_aggregates, count, merge
from reporting_worker.aggregates.hourly import add_to_hourly
from reporting_worker.aggregates.models import FeedbackCategoryDaily, FeedbackDaily
from reporting_worker.classification.classifier import shared_classifier
from reporting_worker.classification.models import CommentQuote
from reporting_worker.classification.recording import (
    QuotePicker,
    add_category_counts,
    classified_events,
    classify_comments,
    count_categories,
    keep_quotes,
)
from reporting_worker.database import inbox, outbox

# any constant the other advisory locks of the database do not use
REBUILD_LOCK = 0x4F544B4C5245


class RebuildInProgress(Exception):
    """The live handler met a running rebuild; its batch is retried after it."""


async def hold_off_rebuild(session: AsyncSession) -> None:
    if not await session.scalar(select(func.pg_try_advisory_xact_lock_shared(REBUILD_LOCK))):
        raise RebuildInProgress("the aggregates are being rebuilt; the batch is retried")


@dataclass(frozen=True, slots=True)
class RebuildSummary:
    first_day: date
    last_day: date
    feedback: int
    comments: int
    # records whose events had not been applied yet: the rebuild counted them instead
    not_yet_applied: int


def period_bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """[start, end) of Moscow days first_day..last_day, the days the aggregates are keyed by."""
    start = datetime.combine(first_day, time(), MOSCOW)
    return start, datetime.combine(last_day + timedelta(days=1), time(), MOSCOW)


async def rebuild_aggregates(
    sessionmaker: async_sessionmaker[AsyncSession],
    records: AsyncIterator[list[FeedbackPayload]],
    first_day: date,
    last_day: date,
) -> RebuildSummary:
    """Replaces the aggregates, category counts and quotes of days first_day..last_day with
    counts of `records` (every feedback that occurred in those days, see `period_bounds`)."""
    classifier = shared_classifier()
    totals: Totals = {}
    category_totals: Totals = {}
    quotes = QuotePicker()
    seen = comments = fresh = 0
    async with sessionmaker() as session, session.begin():
        await session.execute(select(func.pg_advisory_xact_lock(REBUILD_LOCK)))
        async for page in records:
            classified = classify_comments(classifier, page)
            sentiments = {feedback_id: c.sentiment for feedback_id, c in classified.items()}
            merge(totals, count(page, sentiments))
            merge(category_totals, count_categories(page, classified))
            quotes.add(page, classified)
            newly = await _mark_applied(session, page)
            # hourly counts are not rebuilt; those records will not be counted live any more
            await add_to_hourly(session, [f for f in page if f.feedback_id in newly])
            # their events will now be dropped as repeats: the classifications go from here
            await publish(
                session,
                outbox,
                *classified_events([f for f in page if f.feedback_id in newly], classified),
            )
            seen += len(page)
            comments += len(classified)
            fresh += len(newly)
        for model in (FeedbackDaily, FeedbackCategoryDaily, CommentQuote):
            await session.execute(
                delete(model).where(model.day >= first_day, model.day <= last_day)
            )
        await add_to_aggregates(session, totals)
        await add_category_counts(session, category_totals)
        await keep_quotes(session, quotes.rows())
    return RebuildSummary(first_day, last_day, seen, comments, fresh)


async def _mark_applied(session: AsyncSession, page: list[FeedbackPayload]) -> set[object]:
    if not page:
        return set()
    marked = await session.scalars(
        insert(inbox)
        .values([{"event_id": f.feedback_id, "type": "feedback.received"} for f in page])
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(inbox.c.event_id)
    )
    return set(marked.all())
