"""Posting a touchpoint's rating page: through the same ingest as `POST /api/v1/feedback`
(validated, idempotent by the form's key, written with its outbox event), one rating per
respondent token, touchpoint and Moscow day."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from feedback_api.ingest import service as ingest
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.pages import repository
from feedback_api.pages.targets import RatingTarget
from feedback_api.respondents.tokens import token_hash
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.errors import Conflict
from otklik_shared.measures import MOSCOW

# who "posted" a feedback from the rating pages (its `submitted_by`): no API key has this id
PAGES_KEY_ID = uuid.UUID("00000000-0000-4000-8000-0000000ba9e5")


class AlreadyRatedToday(Conflict):
    code = "already_rated_today"
    title = "Already rated today"


@dataclass(frozen=True, slots=True)
class RatingOutcome:
    receipt: FeedbackReceipt
    replayed: bool


def pages_principal(agency_id: uuid.UUID) -> Principal:
    return Principal(
        key_id=PAGES_KEY_ID,
        name="citizen pages",
        scopes=frozenset({Scope.FEEDBACK_WRITE}),
        agency_id=agency_id,
    )


async def submit_rating(
    session: AsyncSession,
    batcher: IngestBatcher,
    *,
    target: RatingTarget,
    respondent_token: str,
    form_key: str,
    data: FeedbackCreate,
    now: datetime,
) -> RatingOutcome:
    """Raises AlreadyRatedToday for a second rating of the day, the ingest's errors (422 for a
    rule, 409 while the same form is being written, 503) with nothing kept."""
    async with session.begin_nested():
        earlier = await repository.claim_rating(
            session,
            respondent_hash=token_hash(respondent_token),
            touchpoint_id=target.touchpoint.id,
            day=now.astimezone(MOSCOW).date(),
            form_key=form_key,
        )
        if earlier is not None and earlier != form_key:
            raise AlreadyRatedToday("This respondent has rated this touchpoint today")
        # a resent form (the same key) is answered by the ingest's idempotency: one feedback
        outcome = await ingest.submit_feedback(
            batcher, pages_principal(target.agency.id), data, f"page-{form_key}"
        )
    assert outcome.receipt is not None
    return RatingOutcome(outcome.receipt, outcome.replayed)
