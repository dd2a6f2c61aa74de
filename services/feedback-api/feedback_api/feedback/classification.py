"""The reporting worker's classification of a comment, kept on the feedback for filtering."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.feedback.models import Feedback
from otklik_kit.ids import uuid7_time
from otklik_shared.events import FeedbackClassified


async def on_feedbacks_classified(session: AsyncSession, events: list[FeedbackClassified]) -> None:
    """A batch of classifications in one UPDATE by primary key, run with many parameter sets
    (a statement and a commit per event made the classifications of a bulk import lag far
    behind it)."""
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for event in events:
        payload = event.payload
        # the id tells the received_at that locates the feedback's month partition
        received_at = uuid7_time(payload.feedback_id)
        if received_at is None:
            continue
        rows.append(
            {
                "id": payload.feedback_id,
                "received_at": received_at,
                "categories": list(payload.categories),
                "sentiment": payload.sentiment,
                "classified_at": now,
            }
        )
    if rows:
        await session.execute(update(Feedback), rows)
