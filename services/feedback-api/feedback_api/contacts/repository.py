import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.contacts.models import Contact, ContactAccess
from feedback_api.feedback.models import Feedback, FeedbackStatus
from otklik_kit.auth.keys import Principal


async def get_contact(session: AsyncSession, feedback_id: uuid.UUID) -> Contact | None:
    return await session.get(Contact, feedback_id)


async def log_access(
    session: AsyncSession,
    feedback_ids: Sequence[uuid.UUID],
    action: str,
    principal: Principal | None,
) -> None:
    session.add_all(
        ContactAccess(
            feedback_id=feedback_id,
            action=action,
            api_key_id=principal.key_id if principal else None,
            api_key_name=principal.name if principal else None,
        )
        for feedback_id in feedback_ids
    )
    await session.flush()


async def delete_contacts(session: AsyncSession, feedback_ids: Sequence[uuid.UUID]) -> None:
    if not feedback_ids:
        return
    await session.execute(delete(Contact).where(Contact.feedback_id.in_(feedback_ids)))
    await session.execute(
        update(Feedback).where(Feedback.id.in_(feedback_ids)).values(has_contact=False)
    )


async def contacts_of_case(
    session: AsyncSession, case_number: str, agency_id: uuid.UUID | None
) -> list[uuid.UUID]:
    query = (
        select(Contact.feedback_id)
        .join(Feedback, Feedback.id == Contact.feedback_id)
        .where(Feedback.case_number == case_number)
    )
    if agency_id is not None:
        query = query.where(Contact.agency_id == agency_id)
    return list((await session.scalars(query)).all())


async def contacts_past_retention(
    session: AsyncSession, closed_before: datetime, limit: int
) -> list[uuid.UUID]:
    query = (
        select(Contact.feedback_id)
        .join(Feedback, Feedback.id == Contact.feedback_id)
        .where(Feedback.status == FeedbackStatus.CLOSED, Feedback.closed_at < closed_before)
        .limit(limit)
        .with_for_update(of=Contact, skip_locked=True)
    )
    return list((await session.scalars(query)).all())


async def access_log(session: AsyncSession, feedback_id: uuid.UUID) -> Sequence[ContactAccess]:
    query = (
        select(ContactAccess)
        .where(ContactAccess.feedback_id == feedback_id)
        .order_by(ContactAccess.at)
    )
    return (await session.scalars(query)).all()
