"""Comments as a reader may see them: personal data typed into a comment is masked unless the
key holds `feedback:contacts`; each read of an original that holds personal data is logged in
the contact access log, like a read of the contact itself."""

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.contacts.repository import log_access
from feedback_api.feedback.models import Feedback
from feedback_api.feedback.schemas import FeedbackRead
from feedback_api.feedback.views import feedback_read
from feedback_api.ingest.redaction import mask_personal_data
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope

COMMENT_READ = "comment_read"


async def shown_comments(
    session: AsyncSession, principal: Principal, rows: Sequence[Feedback]
) -> dict[uuid.UUID, str | None]:
    reveal = principal.has(Scope.FEEDBACK_CONTACTS)
    shown: dict[uuid.UUID, str | None] = {}
    revealed: list[uuid.UUID] = []
    for row in rows:
        masked = mask_personal_data(row.comment) if row.comment else None
        if reveal and masked != row.comment:
            shown[row.id] = row.comment
            revealed.append(row.id)
        else:
            shown[row.id] = masked
    if revealed:
        await log_access(session, revealed, COMMENT_READ, principal)
    return shown


async def readable(
    session: AsyncSession, principal: Principal, rows: Sequence[Feedback]
) -> list[FeedbackRead]:
    shown = await shown_comments(session, principal, rows)
    return [feedback_read(row, comment=shown[row.id]) for row in rows]


async def readable_one(session: AsyncSession, principal: Principal, row: Feedback) -> FeedbackRead:
    [item] = await readable(session, principal, [row])
    return item
