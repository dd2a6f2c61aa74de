"""Turning stored feedback into what the API answers."""

from datetime import UTC, datetime

from feedback_api.feedback.models import CRITERIA_COLUMNS, OPEN_STATUSES, Feedback
from feedback_api.feedback.schemas import CriteriaRatings, FeedbackRead


def criteria_of(row: Feedback) -> CriteriaRatings:
    return CriteriaRatings(
        **{criterion.value: getattr(row, column) for criterion, column in CRITERIA_COLUMNS.items()}
    )


def is_overdue(row: Feedback, now: datetime | None = None) -> bool:
    return (
        row.status in OPEN_STATUSES
        and row.answer_due_at is not None
        and row.answer_due_at < (now or datetime.now(UTC))
    )


def feedback_read(row: Feedback, *, comment: str | None) -> FeedbackRead:
    """`comment` as the reader may see it (masked unless the key reads personal data)."""
    return FeedbackRead(
        id=row.id,
        received_at=row.received_at,
        agency_id=row.agency_id,
        service_id=row.service_id,
        stage=row.stage,
        channel=row.channel,
        touchpoint_id=row.touchpoint_id,
        client_type=row.client_type,
        rating=row.rating,
        criteria=criteria_of(row),
        comment=comment,
        case_number=row.case_number,
        occurred_at=row.occurred_at,
        answer_requested=row.answer_requested,
        has_contact=row.has_contact,
        needs_review=row.needs_review,
        status=row.status,
        acknowledged_at=row.acknowledged_at,
        answer_due_at=row.answer_due_at,
        overdue=is_overdue(row),
        assignee=row.assignee,
        answer=row.answer,
        answered_by=row.answered_by,
        answered_at=row.answered_at,
        closed_at=row.closed_at,
        categories=list(row.categories or []),
        sentiment=row.sentiment,
    )
