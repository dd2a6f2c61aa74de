"""Finding one feedback by id: the id (UUIDv7) tells its partition."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.feedback.models import Feedback
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound
from otklik_kit.ids import uuid7_time


async def find_feedback(
    session: AsyncSession, feedback_id: uuid.UUID, *, for_update: bool = False
) -> Feedback | None:
    received_at = uuid7_time(feedback_id)
    if received_at is None:
        return None
    query = select(Feedback).where(Feedback.id == feedback_id, Feedback.received_at == received_at)
    if for_update:
        query = query.with_for_update()
    return await session.scalar(query)


async def get_visible_feedback(
    session: AsyncSession,
    principal: Principal,
    feedback_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> Feedback:
    """The feedback, or 404 when it does not exist or belongs to another agency than the key's."""
    row = await find_feedback(session, feedback_id, for_update=for_update)
    if row is None or not principal.sees_agency(row.agency_id):
        raise NotFound(f"Feedback {feedback_id} not found")
    return row
