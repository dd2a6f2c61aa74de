import uuid

from fastapi import Request, Response, status

from feedback_api.config import FeedbackSettings
from feedback_api.contacts import service
from feedback_api.contacts.schemas import (
    ContactAccessRead,
    ContactRead,
    ErasureReport,
    ErasureRequest,
)
from feedback_api.crypto import secret_box
from otklik_kit.auth.dependencies import ContactsReader
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router

router = api_router("feedback", tag="contacts")
erasure_router = api_router("contacts", tag="contacts")


@router.get(
    "/{feedback_id}/contact",
    operation_id="read_contact",
    summary="Read the citizen's contact details",
    responses=problem_responses(404),
)
async def read_contact(
    request: Request,
    response: Response,
    session: DbSession,
    principal: ContactsReader,
    feedback_id: uuid.UUID,
) -> ContactRead:
    """Decrypted for this answer only; the read is recorded with the key that made it."""
    settings: FeedbackSettings = request.app.state.settings
    response.headers["Cache-Control"] = "no-store"
    return await service.read_contact(session, secret_box(settings), principal, feedback_id)


@router.delete(
    "/{feedback_id}/contact",
    operation_id="erase_contact",
    summary="Erase the citizen's contact details",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
async def erase_contact(
    session: DbSession, principal: ContactsReader, feedback_id: uuid.UUID
) -> None:
    """Erasure on the citizen's request: the contact and the personal data typed into the
    comment (masked in place); the feedback itself stays, without a way to reach them."""
    await service.erase_contact(session, principal, feedback_id)


@router.get(
    "/{feedback_id}/contact/access-log",
    operation_id="list_contact_access",
    summary="Who read or erased the contact",
    responses=problem_responses(404),
)
async def list_contact_access(
    session: DbSession, principal: ContactsReader, feedback_id: uuid.UUID
) -> list[ContactAccessRead]:
    """Every read and erasure of this feedback's contact, oldest first (kept after erasure)."""
    entries = await service.access_log(session, principal, feedback_id)
    return [ContactAccessRead.model_validate(entry) for entry in entries]


@erasure_router.post(
    "/erasure",
    operation_id="erase_case_contacts",
    summary="Erase every contact left in one case",
    responses=problem_responses(422),
)
async def erase_case_contacts(
    session: DbSession, principal: ContactsReader, body: ErasureRequest
) -> ErasureReport:
    """For a citizen who asks to be forgotten: every contact given with the case number, and the
    personal data typed into the case's comments (within the key's agency for an agency-bound
    key)."""
    erased, masked = await service.erase_case(session, principal, body.case_number)
    return ErasureReport(erased=erased, comments_masked=masked)
