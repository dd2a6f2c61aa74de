"""Queries of the operators' feedback list: filters, keyset pages, the overdue queue, exports."""

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Row, Select, and_, func, literal_column, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from feedback_api.feedback.models import Feedback
from feedback_api.feedback.schemas import CLOCK_SKEW, OLDEST_INTERACTION
from feedback_api.review.filters import FeedbackFilter
from feedback_api.review.models import FeedbackAnswer, Proposal

# a feedback with the names of its agency, service and touchpoint (None when not copied yet)
ExportRow = Row[Feedback, str, str, str]
CASE_MAX_FEEDBACK = 500
# spelled out so the planner matches the partial index ix_feedback_review_due
OPEN_FOR_REVIEW = text("feedback.feedback.status IN ('acknowledged', 'in_review')")


def _overdue(now: datetime) -> ColumnElement[bool]:
    return and_(OPEN_FOR_REVIEW, Feedback.answer_due_at < now)


def _received_bounds(where: FeedbackFilter) -> list[ColumnElement[bool]]:
    """Bounds on received_at (the partition key) so only the partitions of the period are read.

    A period of the interaction bounds receipt too: an interaction is posted at most a year
    after it happened, and not before it (give or take the clients' clock skew).
    """
    lower = [where.received_from] if where.received_from else []
    upper = [where.received_to] if where.received_to else []
    if where.occurred_from is not None:
        lower.append(where.occurred_from - CLOCK_SKEW)
    if where.occurred_to is not None:
        upper.append(where.occurred_to + OLDEST_INTERACTION + CLOCK_SKEW)
    bounds = []
    if lower:
        bounds.append(Feedback.received_at >= max(lower))
    if upper:
        bounds.append(Feedback.received_at < min(upper))
    return bounds


def conditions(where: FeedbackFilter, now: datetime) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = _received_bounds(where)
    equal = {
        Feedback.agency_id: where.agency_id,
        Feedback.service_id: where.service_id,
        Feedback.stage: where.stage,
        Feedback.channel: where.channel,
        Feedback.touchpoint_id: where.touchpoint_id,
        Feedback.needs_review: where.needs_review,
        Feedback.case_number: where.case_number,
    }
    found += [column == value for column, value in equal.items() if value is not None]
    if where.rating_min is not None:
        found.append(Feedback.rating >= where.rating_min)
    if where.rating_max is not None:
        found.append(Feedback.rating <= where.rating_max)
    if where.statuses:
        found.append(Feedback.status.in_(where.statuses))
    if where.category is not None:
        found.append(Feedback.categories.any_() == where.category)
    if where.overdue is True:
        found.append(_overdue(now))
    elif where.overdue is False:
        found.append(~func.coalesce(_overdue(now), False))
    if where.occurred_from is not None:
        found.append(Feedback.occurred_at >= where.occurred_from)
    if where.occurred_to is not None:
        found.append(Feedback.occurred_at < where.occurred_to)
    if where.text is not None:
        # the GIN index on `search` covers rows with a comment only
        query = func.websearch_to_tsquery(literal_column("'russian'"), where.text)
        found += [Feedback.comment.is_not(None), Feedback.search.bool_op("@@")(query)]
    return found


async def newest_first(
    session: AsyncSession,
    where: FeedbackFilter,
    *,
    now: datetime,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Feedback]:
    query = select(Feedback).where(*conditions(where, now))
    if after is not None:
        # the plain bound lets the planner skip newer partitions; the tuple is the keyset
        query = query.where(
            Feedback.received_at <= after[0],
            tuple_(Feedback.received_at, Feedback.id) < tuple_(*after),
        )
    query = query.order_by(Feedback.received_at.desc(), Feedback.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def most_overdue_first(
    session: AsyncSession,
    where: FeedbackFilter,
    *,
    now: datetime,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Feedback]:
    query = select(Feedback).where(*conditions(where, now), _overdue(now))
    if after is not None:
        query = query.where(tuple_(Feedback.answer_due_at, Feedback.id) > tuple_(*after))
    query = query.order_by(Feedback.answer_due_at, Feedback.id).limit(limit)
    return (await session.scalars(query)).all()


def export_query(
    where: FeedbackFilter, *, now: datetime, limit: int
) -> Select[Feedback, str, str, str]:
    """The filtered list, newest first, with the names of what the ids stand for."""
    return (
        select(
            Feedback,
            CatalogAgency.name.label("agency_name"),
            CatalogService.title.label("service_title"),
            CatalogTouchpoint.name.label("touchpoint_name"),
        )
        .outerjoin(CatalogAgency, CatalogAgency.id == Feedback.agency_id)
        .outerjoin(CatalogService, CatalogService.id == Feedback.service_id)
        .outerjoin(CatalogTouchpoint, CatalogTouchpoint.id == Feedback.touchpoint_id)
        .where(*conditions(where, now))
        .order_by(Feedback.received_at.desc(), Feedback.id.desc())
        .limit(limit)
    )


async def answers_of(
    session: AsyncSession, feedback_ids: Sequence[uuid.UUID]
) -> Sequence[FeedbackAnswer]:
    query = (
        select(FeedbackAnswer)
        .where(FeedbackAnswer.feedback_id.in_(feedback_ids))
        .order_by(FeedbackAnswer.feedback_id, FeedbackAnswer.number)
    )
    return (await session.scalars(query)).all()


async def proposals_of(
    session: AsyncSession, feedback_ids: Sequence[uuid.UUID]
) -> Sequence[Proposal]:
    query = (
        select(Proposal)
        .where(Proposal.feedback_id.in_(feedback_ids))
        .order_by(Proposal.created_at, Proposal.id)
    )
    return (await session.scalars(query)).all()


async def case_feedback(
    session: AsyncSession, case_number: str, agency_id: uuid.UUID | None
) -> Sequence[Feedback]:
    """A case's feedback in the order they arrived (uses ix_feedback_case_number)."""
    query = select(Feedback).where(Feedback.case_number == case_number)
    if agency_id is not None:
        query = query.where(Feedback.agency_id == agency_id)
    query = query.order_by(Feedback.received_at, Feedback.id).limit(CASE_MAX_FEEDBACK)
    return (await session.scalars(query)).all()
