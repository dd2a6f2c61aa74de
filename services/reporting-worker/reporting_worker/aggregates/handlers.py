from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import FeedbackReceived
from reporting_worker.aggregates.counting import add_to_aggregates


async def on_feedback_received(session: AsyncSession, events: list[FeedbackReceived]) -> None:
    """A batch of new feedback (each applied once: the consumer's inbox drops repeats)."""
    await add_to_aggregates(session, (event.payload for event in events))
