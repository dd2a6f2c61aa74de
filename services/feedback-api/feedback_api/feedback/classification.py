"""The reporting worker's classification of a comment, kept on the feedback for filtering."""

from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.feedback.models import Feedback
from otklik_kit.ids import uuid7_time
from otklik_shared.events import FeedbackClassified


async def on_feedback_classified(session: AsyncSession, event: FeedbackClassified) -> None:
    p = event.payload
    received_at = uuid7_time(p.feedback_id)
    if received_at is None:
        return
    await session.execute(
        update(Feedback)
        .where(Feedback.id == p.feedback_id, Feedback.received_at == received_at)
        .values(
            categories=list(p.categories), sentiment=p.sentiment, classified_at=datetime.now(UTC)
        )
    )
