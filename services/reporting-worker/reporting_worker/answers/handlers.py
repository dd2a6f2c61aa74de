from collections import defaultdict
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import FeedbackAnswerRated
from otklik_shared.measures import MOSCOW
from reporting_worker.aggregates.counting import add_counts
from reporting_worker.aggregates.models import NONE_ID, NONE_STAGE
from reporting_worker.answers.models import AnswerRatingDaily, RatedAnswer

KEY_COLUMNS = ("day", "agency_id", "service_id", "stage", "channel")
COUNTERS = ("rated", "satisfied")


async def on_answer_rated(session: AsyncSession, events: list[FeedbackAnswerRated]) -> None:
    """A batch of answer ratings (repeats of an event dropped by the inbox, a second rating of
    the same answer by `rated_answers`) added to the daily counts in one upsert."""
    firsts: dict[tuple[Any, int], FeedbackAnswerRated] = {}
    for event in sorted(events, key=lambda e: e.occurred_at):
        firsts.setdefault((event.payload.feedback_id, event.payload.answer_number), event)
    if not firsts:
        return
    new = (
        await session.execute(
            insert(RatedAnswer)
            .values([{"feedback_id": f, "answer_number": n} for f, n in sorted(firsts, key=str)])
            .on_conflict_do_nothing()
            .returning(RatedAnswer.feedback_id, RatedAnswer.answer_number)
        )
    ).all()
    totals: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0, 0])
    for feedback_id, answer_number in new:
        event = firsts[(feedback_id, answer_number)]
        rating = event.payload
        row = totals[
            (
                event.occurred_at.astimezone(MOSCOW).date(),
                rating.agency_id,
                rating.service_id or NONE_ID,
                rating.stage.value if rating.stage else NONE_STAGE,
                rating.channel.value,
            )
        ]
        row[0] += 1
        row[1] += int(rating.satisfied)
    await add_counts(session, AnswerRatingDaily, KEY_COLUMNS, COUNTERS, totals)
