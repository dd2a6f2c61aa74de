import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request, Response, status
from fastapi.responses import StreamingResponse

from feedback_api.config import FeedbackSettings
from feedback_api.feedback.disclosure import readable, readable_one
from feedback_api.feedback.repository import get_visible_feedback
from feedback_api.feedback.schemas import FeedbackRead
from feedback_api.review import export, proposals, service
from feedback_api.review.filters import FeedbackFilter, Filter
from feedback_api.review.schemas import (
    AnswerRead,
    AssignmentIn,
    FeedbackAnswerIn,
    FeedbackDetail,
    FeedbackStatusRead,
    ProposalCreate,
    ProposalOutcomeRead,
    ProposalRead,
)
from feedback_api.review.views import feedback_detail
from otklik_kit.auth.dependencies import FeedbackReader, FeedbackReviewer, require_any
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_time_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import XLSX_MEDIA_TYPE, api_router, content_disposition, file_response
from otklik_shared.measures import MOSCOW

router = api_router("feedback", tag="review")
# the portal that posted a feedback polls its status; so may a reader of its agency
StatusReader = Annotated[Principal, Depends(require_any(Scope.FEEDBACK_WRITE, Scope.FEEDBACK_READ))]


@router.get(
    "",
    operation_id="list_feedback",
    summary="List feedback for review",
    responses=problem_responses(422),
)
async def list_feedback(
    session: DbSession,
    principal: FeedbackReader,
    where: Filter,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[FeedbackRead]:
    """Feedback visible to the key (an agency-bound key sees its own agency's), newest first."""
    rows = await service.list_feedback(
        session, principal, where, after=decode_time_cursor(cursor), limit=limit
    )
    items = await readable(session, principal, rows)
    return Page.of(items, limit, lambda item: [item.received_at.isoformat(), item.id])


@router.get(
    "/overdue",
    operation_id="list_overdue_feedback",
    summary="Feedback past its answer date",
    responses=problem_responses(422),
)
async def list_overdue_feedback(
    session: DbSession,
    principal: FeedbackReader,
    where: Filter,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[FeedbackRead]:
    """Acknowledged or in review, past `answer_due_at`; the longest overdue first."""
    rows = await service.list_overdue(
        session, principal, where, after=decode_time_cursor(cursor), limit=limit
    )
    items = await readable(session, principal, rows)
    return Page.of(
        items, limit, lambda item: [(item.answer_due_at or item.received_at).isoformat(), item.id]
    )


def _export_response(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    return {**file_response(description, media_type), **problem_responses(422)}


def _export_chunks(
    request: Request, principal: Principal, where: FeedbackFilter
) -> AsyncIterator[list[list[export.Value]]]:
    settings: FeedbackSettings = request.app.state.settings
    return export.export_rows(
        request.app.state.sessionmaker,
        where.visible_to(principal),
        now=datetime.now(UTC),
        limit=settings.export_max_rows,
    )


def _attachment(extension: str) -> dict[str, str]:
    today = datetime.now(MOSCOW).date().isoformat()
    return {"Content-Disposition": content_disposition(f"Отзывы {today}.{extension}")}


@router.get(
    "/export.csv",
    operation_id="export_feedback_csv",
    summary="Export the feedback list to CSV",
    response_class=Response,
    responses=_export_response(export.CSV_MEDIA_TYPE, "UTF-8 with a BOM, `;`-separated"),
)
async def export_feedback_csv(
    request: Request, principal: FeedbackReader, where: Filter
) -> StreamingResponse:
    """The list's filters, newest first, streamed; at most EXPORT_MAX_ROWS rows (100 000)."""
    return StreamingResponse(
        await export.csv_stream(_export_chunks(request, principal, where)),
        media_type=export.CSV_MEDIA_TYPE,
        headers=_attachment("csv"),
    )


@router.get(
    "/export.xlsx",
    operation_id="export_feedback_xlsx",
    summary="Export the feedback list to XLSX",
    response_class=Response,
    responses=_export_response(XLSX_MEDIA_TYPE, "An Excel workbook, one sheet"),
)
async def export_feedback_xlsx(
    request: Request, principal: FeedbackReader, where: Filter
) -> Response:
    """The list's filters, newest first; at most EXPORT_MAX_ROWS rows (100 000)."""
    content = await export.xlsx_document(_export_chunks(request, principal, where))
    return Response(content, media_type=XLSX_MEDIA_TYPE, headers=_attachment("xlsx"))


@router.get(
    "/{feedback_id}",
    operation_id="get_feedback",
    summary="Get a feedback",
    responses=problem_responses(404),
)
async def get_feedback(
    session: DbSession, principal: FeedbackReader, feedback_id: uuid.UUID
) -> FeedbackDetail:
    """One feedback with its review, every answer given and the outcome of the proposals made
    from it; 404 when it belongs to another agency than the key's."""
    row = await get_visible_feedback(session, principal, feedback_id)
    found = await service.review(session, row)
    return feedback_detail(found, await readable_one(session, principal, row))


@router.get(
    "/{feedback_id}/status",
    operation_id="get_feedback_status",
    summary="Poll a feedback's status and answer",
    tags=["feedback"],
    responses=problem_responses(404),
)
async def get_feedback_status(
    session: DbSession, principal: StatusReader, feedback_id: uuid.UUID
) -> FeedbackStatusRead:
    """For the key that posted the feedback (or a reader of its agency): where it is, when the
    answer is due, and the answer once given."""
    row = await service.client_status(session, principal, feedback_id)
    found = await service.review(session, row)
    return FeedbackStatusRead(
        id=row.id,
        status=row.status,
        received_at=row.received_at,
        answer_due_at=row.answer_due_at,
        answer=row.answer,
        answered_at=row.answered_at,
        answer_number=row.answer_count,
        answered_by=row.answered_by,
        closed_at=row.closed_at,
        answers=[AnswerRead.model_validate(a) for a in found.answers],
        proposals=[ProposalOutcomeRead.model_validate(p) for p in found.proposals],
    )


@router.post(
    "/{feedback_id}/assign",
    operation_id="assign_feedback",
    summary="Assign a feedback for review",
    responses=problem_responses(404, 409, 422),
)
async def assign_feedback(
    session: DbSession, principal: FeedbackReviewer, feedback_id: uuid.UUID, body: AssignmentIn
) -> FeedbackRead:
    """Puts it in review with the given assignee (again to reassign); 409 once answered."""
    row = await service.assign(session, principal, feedback_id, body)
    return await readable_one(session, principal, row)


@router.post(
    "/{feedback_id}/answer",
    operation_id="answer_feedback",
    summary="Answer a feedback",
    responses=problem_responses(404, 409, 422),
)
async def answer_feedback(
    session: DbSession, principal: FeedbackReviewer, feedback_id: uuid.UUID, body: FeedbackAnswerIn
) -> FeedbackRead:
    """Records the answer and sends it to the client's webhook; answering again makes the new
    answer the current one, every earlier answer stays in `answers` of the detail and status."""
    row = await service.answer(session, principal, feedback_id, body)
    return await readable_one(session, principal, row)


@router.post(
    "/{feedback_id}/close",
    operation_id="close_feedback",
    summary="Close a feedback",
    responses=problem_responses(404, 409),
)
async def close_feedback(
    session: DbSession, principal: FeedbackReviewer, feedback_id: uuid.UUID
) -> FeedbackRead:
    """Once answered, or as received when it needs no review; 409 names the current status."""
    row = await service.close(session, principal, feedback_id)
    return await readable_one(session, principal, row)


@router.post(
    "/{feedback_id}/proposal",
    operation_id="propose_from_feedback",
    summary="Propose a plan measure from a feedback",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(404, 422),
)
async def propose_from_feedback(
    session: DbSession, principal: FeedbackReviewer, feedback_id: uuid.UUID, body: ProposalCreate
) -> ProposalRead:
    """Sent to plans-api, where the agency accepts it into a plan as an item or rejects it."""
    proposal = await proposals.propose(session, principal, feedback_id, body)
    return ProposalRead.model_validate(proposal)
