"""Contacts: read only with the `feedback:contacts` scope, each read recorded; erased on request
and when the retention period after the review's closing has passed. Never in reports or events."""

import json
import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.contacts import repository
from feedback_api.contacts.models import ContactAccess
from feedback_api.contacts.schemas import ContactRead
from feedback_api.crypto import SecretBox
from feedback_api.feedback.repository import get_visible_feedback
from feedback_api.ingest.redaction import has_personal_data
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound

logger = logging.getLogger("otklik.contacts")

EXPIRY_BATCH = 1000


async def read_contact(
    session: AsyncSession, box: SecretBox, principal: Principal, feedback_id: uuid.UUID
) -> ContactRead:
    await get_visible_feedback(session, principal, feedback_id)
    contact = await repository.get_contact(session, feedback_id)
    if contact is None:
        raise NotFound("This feedback has no contact details (never left, or erased)")
    await repository.log_access(session, [feedback_id], "read", principal)
    logger.info(
        "contact read", extra={"feedback_id": str(feedback_id), "api_key_id": str(principal.key_id)}
    )
    return ContactRead(feedback_id=feedback_id, **json.loads(box.open(contact.ciphertext)))


async def erase_contact(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID
) -> None:
    """The contact, and the personal data typed into the comment; 404 when neither is left."""
    row = await get_visible_feedback(session, principal, feedback_id)
    has_contact = await repository.get_contact(session, feedback_id) is not None
    if not has_contact and not has_personal_data(row.comment):
        raise NotFound("This feedback has no contact details (never left, or erased)")
    await repository.mask_comments(session, [feedback_id])
    await _erase(session, [feedback_id] if has_contact else [], "erased", principal)
    if not has_contact:
        await repository.log_access(session, [feedback_id], "erased", principal)


async def erase_case(
    session: AsyncSession, principal: Principal, case_number: str
) -> tuple[int, int]:
    """Every contact of the case, and the personal data in every comment of it: (contacts
    erased, comments masked)."""
    agency_id = principal.agency_id
    masked = await repository.mask_comments(
        session, await repository.feedback_of_case(session, case_number, agency_id)
    )
    feedback_ids = await repository.contacts_of_case(session, case_number, agency_id)
    await _erase(session, feedback_ids, "erased", principal)
    return len(feedback_ids), masked


async def expire_contacts(session: AsyncSession, retention_days: int) -> int:
    """Erases contacts (and the personal data in their comments) of reviews closed, or of
    feedback needing no review received, more than `retention_days` ago; one batch per call."""
    closed_before = datetime.now(UTC) - timedelta(days=retention_days)
    feedback_ids = await repository.contacts_past_retention(session, closed_before, EXPIRY_BATCH)
    await repository.mask_comments(session, feedback_ids)
    await _erase(session, feedback_ids, "expired", None)
    return len(feedback_ids)


async def access_log(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID
) -> Sequence[ContactAccess]:
    await get_visible_feedback(session, principal, feedback_id)
    return await repository.access_log(session, feedback_id)


async def _erase(
    session: AsyncSession,
    feedback_ids: list[uuid.UUID],
    action: str,
    principal: Principal | None,
) -> None:
    if not feedback_ids:
        return
    await repository.delete_contacts(session, feedback_ids)
    await repository.log_access(session, feedback_ids, action, principal)
    logger.info("contacts %s", action, extra={"count": len(feedback_ids)})
