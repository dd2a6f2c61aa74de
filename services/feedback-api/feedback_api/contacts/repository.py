import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.contacts.models import Contact, ContactAccess
from feedback_api.feedback.models import Feedback, FeedbackStatus
from feedback_api.ingest.redaction import mask_personal_data
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


async def mask_comments(session: AsyncSession, feedback_ids: Sequence[uuid.UUID]) -> int:
    """Replaces each comment with its masked text, so the personal data typed into it goes
    with the contact; returns how many comments changed."""
    if not feedback_ids:
        return 0
    rows = await session.execute(
        select(Feedback.id, Feedback.received_at, Feedback.comment).where(
            Feedback.id.in_(feedback_ids), Feedback.comment.is_not(None)
        )
    )
    changed = 0
    for feedback_id, received_at, comment in rows.all():
        masked = mask_personal_data(comment or "")
        if comment and masked != comment:
            await session.execute(
                update(Feedback)
                .where(Feedback.id == feedback_id, Feedback.received_at == received_at)
                .values(comment=masked)
            )
            changed += 1
    return changed


async def feedback_of_case(
    session: AsyncSession, case_number: str, agency_id: uuid.UUID | None
) -> list[uuid.UUID]:
    query = select(Feedback.id).where(Feedback.case_number == case_number)
    if agency_id is not None:
        query = query.where(Feedback.agency_id == agency_id)
    return list((await session.scalars(query)).all())


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
        .where(
            or_(
                and_(Feedback.status == FeedbackStatus.CLOSED, Feedback.closed_at < closed_before),
                # nobody will answer a feedback that needs no review: kept as long after receipt
                and_(Feedback.needs_review.is_(False), Feedback.received_at < closed_before),
            )
        )
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
