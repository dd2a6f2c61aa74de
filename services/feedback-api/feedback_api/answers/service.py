"""The citizen's private answer page: the status of the feedback, the agency's answer, and the
citizen's rating of that answer (once per answer), published as `feedback.answer_rated`."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.answers.links import matches, parse_token
from feedback_api.answers.models import AnswerRating
from feedback_api.catalog.models import CatalogAgency
from feedback_api.database import PRODUCER, outbox
from feedback_api.feedback.models import Feedback, FeedbackStatus
from feedback_api.feedback.repository import find_feedback
from feedback_api.ingest.rules import receipt_message
from otklik_kit.errors import Conflict, NotFound
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import AnswerRatingPayload, FeedbackAnswerRated
from otklik_shared.measures import MOSCOW

COMMENT_MAX = 2000
STATUS_LABELS = {
    FeedbackStatus.RECEIVED: "Получен",
    FeedbackStatus.ACKNOWLEDGED: "Получен, готовится ответ",
    FeedbackStatus.IN_REVIEW: "Рассматривается",
    FeedbackStatus.ANSWERED: "Дан ответ",
    FeedbackStatus.CLOSED: "Рассмотрение завершено",
}


class AnswerAlreadyRated(Conflict):
    code = "answer_already_rated"
    title = "The answer is already rated"


class NoAnswerYet(Conflict):
    code = "no_answer_yet"
    title = "There is no answer to rate yet"


def _day(moment: datetime | None) -> str | None:
    return moment.astimezone(MOSCOW).strftime("%d.%m.%Y") if moment else None


@dataclass(frozen=True, slots=True)
class AnswerView:
    feedback_id: uuid.UUID
    received: str
    status_label: str
    due: str | None
    rating: int
    comment: str | None
    answer: str | None
    answered: str | None
    rated: bool | None
    receipt_message: str
    awaits_answer: bool
    agency_name: str | None


async def feedback_of(session: AsyncSession, token: str, *, for_update: bool = False) -> Feedback:
    parsed = parse_token(token)
    row = await find_feedback(session, parsed[0], for_update=for_update) if parsed else None
    if parsed is None or row is None or not matches(parsed[1], row.answer_token_hash):
        raise NotFound("No feedback at this link")
    return row


async def _rating_of(session: AsyncSession, row: Feedback) -> bool | None:
    if not row.answer_count:
        return None
    stmt = select(AnswerRating.satisfied).where(
        AnswerRating.feedback_id == row.id, AnswerRating.answer_number == row.answer_count
    )
    satisfied: bool | None = await session.scalar(stmt)
    return satisfied


async def answer_view(session: AsyncSession, token: str) -> AnswerView:
    row = await feedback_of(session, token)
    agency = await session.get(CatalogAgency, row.agency_id)
    open_review = row.status in (FeedbackStatus.ACKNOWLEDGED, FeedbackStatus.IN_REVIEW)
    return AnswerView(
        feedback_id=row.id,
        received=_day(row.received_at) or "",
        status_label=STATUS_LABELS[row.status],
        due=_day(row.answer_due_at) if open_review else None,
        rating=row.rating,
        comment=row.comment,
        answer=row.answer,
        answered=f"Ответ дан {_day(row.answered_at)}" if row.answered_at else None,
        rated=await _rating_of(session, row),
        receipt_message=receipt_message(row.received_at, row.answer_due_at),
        awaits_answer=open_review,
        agency_name=agency.name if agency else None,
    )


async def rate_answer(
    session: AsyncSession, token: str, *, satisfied: bool, comment: str | None
) -> None:
    """Records the rating of the current answer and its event, in one transaction."""
    row = await feedback_of(session, token, for_update=True)
    if not row.answer_count or row.answer is None:
        raise NoAnswerYet("The agency has not answered yet")
    stmt = (
        insert(AnswerRating)
        .values(
            feedback_id=row.id,
            answer_number=row.answer_count,
            agency_id=row.agency_id,
            satisfied=satisfied,
            comment=comment,
        )
        .on_conflict_do_nothing()
        .returning(AnswerRating.feedback_id)
    )
    if await session.scalar(stmt) is None:
        raise AnswerAlreadyRated("This answer has already been rated")
    payload = AnswerRatingPayload(
        feedback_id=row.id,
        agency_id=row.agency_id,
        service_id=row.service_id,
        stage=row.stage,
        channel=row.channel,
        answer_number=row.answer_count,
        satisfied=satisfied,
    )
    await publish(
        session, outbox, FeedbackAnswerRated(**new_event_fields(PRODUCER), payload=payload)
    )
