"""The review of a feedback: listing, assignment, the answer and closing.

received ─┬─────────────── assign ──→ in_review ── answer ──→ answered ── close ──→ closed
acknowledged ─ assign ─────┘    └──────── answer ─────────┘   └ answer again ┘
A feedback that needs no review may be closed as received.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.database import PRODUCER, outbox
from feedback_api.feedback.models import Feedback, FeedbackStatus
from feedback_api.feedback.repository import find_feedback, get_visible_feedback
from feedback_api.review import repository
from feedback_api.review.filters import FeedbackFilter
from feedback_api.review.models import FeedbackAnswer, Proposal
from feedback_api.review.schemas import AssignmentIn, FeedbackAnswerIn
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.errors import Conflict, NotFound
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_kit.ids import uuid7
from otklik_shared.events import AnswerPayload, FeedbackAnswered

Status = FeedbackStatus
ASSIGNABLE = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_REVIEW)
ANSWERABLE = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_REVIEW, Status.ANSWERED)


async def list_feedback(
    session: AsyncSession,
    principal: Principal,
    where: FeedbackFilter,
    *,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Feedback]:
    scoped = where.visible_to(principal)
    if scoped is None:
        return []
    now = datetime.now(UTC)
    return await repository.newest_first(session, scoped, now=now, after=after, limit=limit)


async def list_overdue(
    session: AsyncSession,
    principal: Principal,
    where: FeedbackFilter,
    *,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Feedback]:
    scoped = where.visible_to(principal)
    if scoped is None:
        return []
    now = datetime.now(UTC)
    return await repository.most_overdue_first(session, scoped, now=now, after=after, limit=limit)


async def client_status(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID
) -> Feedback:
    """For the key that posted it, or a reader of its agency; 404 for anyone else."""
    row = await find_feedback(session, feedback_id)
    if row is not None and (
        row.submitted_by == principal.key_id
        or (principal.has(Scope.FEEDBACK_READ) and principal.sees_agency(row.agency_id))
    ):
        return row
    raise NotFound(f"Feedback {feedback_id} not found")


def _require(row: Feedback, allowed: Sequence[Status], action: str) -> None:
    if row.status not in allowed:
        names = ", ".join(s.value for s in allowed)
        raise Conflict(
            f"Feedback {row.id} is {row.status.value}: it can be {action} only when {names}"
        )


async def assign(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID, data: AssignmentIn
) -> Feedback:
    row = await get_visible_feedback(session, principal, feedback_id, for_update=True)
    _require(row, ASSIGNABLE, "assigned")
    row.assignee = data.assignee
    row.assigned_at = datetime.now(UTC)
    row.status = Status.IN_REVIEW
    await session.flush()
    return row


async def answer(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID, data: FeedbackAnswerIn
) -> Feedback:
    """Records the answer and, in the same transaction, the event that carries it back to the
    client that posted the feedback."""
    row = await get_visible_feedback(session, principal, feedback_id, for_update=True)
    _require(row, ANSWERABLE, "answered")
    answered_by, answered_at = data.answered_by or principal.name, datetime.now(UTC)
    row.answer, row.answered_by, row.answered_at = data.text, answered_by, answered_at
    row.answer_count = (row.answer_count or 0) + 1
    row.status = Status.ANSWERED
    session.add(
        FeedbackAnswer(
            id=uuid7(),
            feedback_id=row.id,
            agency_id=row.agency_id,
            number=row.answer_count,
            text=data.text,
            answered_by=answered_by,
            answered_at=answered_at,
        )
    )
    await session.flush()
    payload = AnswerPayload(
        feedback_id=row.id, agency_id=row.agency_id, answer_number=row.answer_count
    )
    await publish(session, outbox, FeedbackAnswered(**new_event_fields(PRODUCER), payload=payload))
    return row


async def close(session: AsyncSession, principal: Principal, feedback_id: uuid.UUID) -> Feedback:
    row = await get_visible_feedback(session, principal, feedback_id, for_update=True)
    closable = row.status == Status.ANSWERED or (
        row.status == Status.RECEIVED and not row.needs_review
    )
    if not closable:
        raise Conflict(
            f"Feedback {row.id} is {row.status.value}: it can be closed once answered "
            "(or as received when it needs no review)"
        )
    row.status = Status.CLOSED
    row.closed_at = datetime.now(UTC)
    await session.flush()
    return row


@dataclass(frozen=True, slots=True)
class Review:
    """A feedback with every answer given and the proposals made from it."""

    feedback: Feedback
    answers: Sequence[FeedbackAnswer]
    proposals: Sequence[Proposal]


async def reviews_of(session: AsyncSession, rows: Sequence[Feedback]) -> list[Review]:
    ids = [row.id for row in rows]
    answers = await repository.answers_of(session, ids) if ids else []
    proposals = await repository.proposals_of(session, ids) if ids else []
    return [
        Review(
            row,
            [a for a in answers if a.feedback_id == row.id],
            [p for p in proposals if p.feedback_id == row.id],
        )
        for row in rows
    ]


async def review(session: AsyncSession, row: Feedback) -> Review:
    [found] = await reviews_of(session, [row])
    return found
