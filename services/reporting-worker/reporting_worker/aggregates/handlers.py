from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import FeedbackReceived
from reporting_worker.aggregates.counting import add_to_aggregates, count
from reporting_worker.aggregates.hourly import add_to_hourly
from reporting_worker.aggregates.rebuild import hold_off_rebuild
from reporting_worker.classification.classifier import shared_classifier
from reporting_worker.classification.recording import classify_comments, record_classifications


async def on_feedback_received(session: AsyncSession, events: list[FeedbackReceived]) -> None:
    """A batch of new feedback (each applied once: the consumer's inbox drops repeats): counted
    into the aggregates, its comments classified, the classifications sent to feedback-api."""
    await hold_off_rebuild(session)
    feedbacks = [event.payload for event in events]
    classified = classify_comments(shared_classifier(), feedbacks)
    sentiments = {feedback_id: result.sentiment for feedback_id, result in classified.items()}
    await add_to_aggregates(session, count(feedbacks, sentiments))
    await add_to_hourly(session, feedbacks)
    await record_classifications(session, feedbacks, classified)
