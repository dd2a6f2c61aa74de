"""Every query of the report: over the aggregate tables and the quote sample, never the raw
feedback. Rows are grouped by stage × channel × touchpoint, which every section derives from."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, func, select, true
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.aggregates.models import (
    COUNTERS,
    CRITERIA,
    NONE_ID,
    SENTIMENT_COUNTERS,
    FeedbackCategoryDaily,
    FeedbackDaily,
)
from reporting_worker.classification.models import CommentQuote
from reporting_worker.directory.models import KnownTouchpoint
from reporting_worker.reports.figures import Tally
from reporting_worker.reports.periods import Period

# (stage, channel, touchpoint_id)
CellKey = tuple[str, str, uuid.UUID]


@dataclass(frozen=True, slots=True)
class AggregateScope:
    """Whose feedback: an agency's (all of it), some services' or both (a life situation seen
    by an agency-bound key)."""

    agency_id: uuid.UUID | None
    service_ids: tuple[uuid.UUID, ...] | None
    # a comparison of agencies: all their feedback
    agency_ids: tuple[uuid.UUID, ...] | None = None

    def where(self, model: Any) -> ColumnElement[bool]:
        conditions: list[ColumnElement[bool]] = []
        if self.agency_id is not None:
            conditions.append(model.agency_id == self.agency_id)
        if self.agency_ids is not None:
            conditions.append(model.agency_id.in_(self.agency_ids))
        if self.service_ids is not None:
            conditions.append(model.service_id.in_(self.service_ids))
        return and_(true(), *conditions)


def _in_period(model: Any, period: Period) -> ColumnElement[bool]:
    return and_(model.day >= period.first, model.day <= period.last)


async def cell_tallies(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> dict[CellKey, Tally]:
    keys = (FeedbackDaily.stage, FeedbackDaily.channel, FeedbackDaily.touchpoint_id)
    rows = await session.execute(
        select(*keys, *(func.sum(getattr(FeedbackDaily, c)) for c in COUNTERS))
        .where(scope.where(FeedbackDaily), _in_period(FeedbackDaily, period))
        .group_by(*keys)
    )
    return {
        (row[0], row[1], row[2]): dict(zip(COUNTERS, map(int, row[3:]), strict=True))
        for row in rows
    }


async def daily_tallies(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> dict[date, Tally]:
    columns = ("responses", *(f"rating_{r}" for r in range(1, 6)))
    rows = await session.execute(
        select(FeedbackDaily.day, *(func.sum(getattr(FeedbackDaily, c)) for c in columns))
        .where(scope.where(FeedbackDaily), _in_period(FeedbackDaily, period))
        .group_by(FeedbackDaily.day)
    )
    return {row[0]: dict(zip(columns, map(int, row[1:]), strict=True)) for row in rows}


@dataclass(frozen=True, slots=True)
class CategoryTally:
    cell: CellKey
    category: str
    comments: int
    negative: int
    rating_sum: int


async def category_tallies(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> list[CategoryTally]:
    model = FeedbackCategoryDaily
    keys = (model.stage, model.channel, model.touchpoint_id, model.category)
    rows = await session.execute(
        select(
            *keys, func.sum(model.comments), func.sum(model.negative), func.sum(model.rating_sum)
        )
        .where(scope.where(model), _in_period(model, period))
        .group_by(*keys)
    )
    return [CategoryTally((r[0], r[1], r[2]), r[3], int(r[4]), int(r[5]), int(r[6])) for r in rows]


async def quotes_of_cell(
    session: AsyncSession,
    scope: AggregateScope,
    period: Period,
    *,
    stage: str,
    touchpoint_id: uuid.UUID | None,
    channel: str | None,
    limit: int,
) -> Sequence[CommentQuote]:
    """The most telling quotes of a pain cell: negative first, then the lowest rating, then a
    named pain over «иное», then the newest."""
    place = (
        CommentQuote.touchpoint_id == touchpoint_id
        if touchpoint_id is not None
        else and_(CommentQuote.channel == channel, CommentQuote.touchpoint_id == NONE_ID)
    )
    sentiment_order = case(
        (CommentQuote.sentiment == "negative", 0), (CommentQuote.sentiment == "neutral", 1), else_=2
    )
    only_other = CommentQuote.categories.op("<@")(array(["other", "praise"], type_=String))
    found = await session.scalars(
        select(CommentQuote)
        .where(
            scope.where(CommentQuote),
            _in_period(CommentQuote, period),
            CommentQuote.stage == stage,
            place,
        )
        .order_by(
            sentiment_order,
            CommentQuote.rating,
            only_other,
            CommentQuote.received_at.desc(),
            CommentQuote.feedback_id,
        )
        .limit(limit)
    )
    return found.all()


async def data_fingerprint(
    session: AsyncSession, scope: AggregateScope, first: date, last: date
) -> tuple[int, ...]:
    """What changes when feedback arrives or is classified for these days: the counts of
    responses, comments and classified comments, and the number of aggregate rows."""
    sums = ("responses", "comments", *SENTIMENT_COUNTERS)
    row = (
        await session.execute(
            select(
                func.count(), *(func.coalesce(func.sum(getattr(FeedbackDaily, c)), 0) for c in sums)
            ).where(scope.where(FeedbackDaily), FeedbackDaily.day.between(first, last))
        )
    ).one()
    return tuple(int(value) for value in row)


async def touchpoints(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, KnownTouchpoint]:
    if not ids:
        return {}
    found = await session.scalars(select(KnownTouchpoint).where(KnownTouchpoint.id.in_(ids)))
    return {touchpoint.id: touchpoint for touchpoint in found}


# the trend's counters: volume, ratings and the criteria, not the comment counters
TREND_COUNTERS = tuple(
    c for c in COUNTERS if c == "responses" or c.startswith(("rating_", *CRITERIA))
)


async def monthly_tallies(
    session: AsyncSession, scope: AggregateScope, first: date, last: date
) -> dict[date, Tally]:
    """The months from `first` to `last` in one grouped query: the first day of each month
    that has data, with its summed counters."""
    month = func.date_trunc("month", FeedbackDaily.day).label("month")
    rows = await session.execute(
        select(month, *(func.sum(getattr(FeedbackDaily, c)) for c in TREND_COUNTERS))
        .where(scope.where(FeedbackDaily), FeedbackDaily.day.between(first, last))
        .group_by(month)
    )
    return {
        row[0].date(): dict(zip(TREND_COUNTERS, map(int, row[1:]), strict=True)) for row in rows
    }


ServiceCellKey = tuple[uuid.UUID, str, str, uuid.UUID]


async def service_cell_tallies(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> dict[ServiceCellKey, Tally]:
    """As cell_tallies, keyed by service first: for reports over several services."""
    keys = (
        FeedbackDaily.service_id,
        FeedbackDaily.stage,
        FeedbackDaily.channel,
        FeedbackDaily.touchpoint_id,
    )
    rows = await session.execute(
        select(*keys, *(func.sum(getattr(FeedbackDaily, c)) for c in COUNTERS))
        .where(scope.where(FeedbackDaily), _in_period(FeedbackDaily, period))
        .group_by(*keys)
    )
    return {
        (row[0], row[1], row[2], row[3]): dict(zip(COUNTERS, map(int, row[4:]), strict=True))
        for row in rows
    }


async def agency_tallies(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> dict[uuid.UUID, Tally]:
    """Per agency, for a comparison of agencies (their agency-wide feedback included)."""
    rows = await session.execute(
        select(FeedbackDaily.agency_id, *(func.sum(getattr(FeedbackDaily, c)) for c in COUNTERS))
        .where(scope.where(FeedbackDaily), _in_period(FeedbackDaily, period))
        .group_by(FeedbackDaily.agency_id)
    )
    return {row[0]: dict(zip(COUNTERS, map(int, row[1:]), strict=True)) for row in rows}
