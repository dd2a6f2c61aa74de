import uuid

from otklik_kit.auth.dependencies import PlansReader, PlansWriter
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_time_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from plans_api.proposals import service
from plans_api.proposals.models import ProposalStatus
from plans_api.proposals.schemas import ProposalAccept, ProposalRead, ProposalReject

router = api_router("proposals", tag="proposals")


@router.get(
    "", operation_id="list_proposals", summary="List proposals", responses=problem_responses(422)
)
async def list_proposals(
    session: DbSession,
    principal: PlansReader,
    agency_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    status: ProposalStatus | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ProposalRead]:
    """Proposals from citizens' feedback visible to the key, newest first."""
    proposals = await service.list_visible(
        session,
        principal,
        agency_id=agency_id,
        service_id=service_id,
        status=status,
        after=decode_time_cursor(cursor),
        limit=limit,
    )
    items = [ProposalRead.model_validate(p) for p in proposals]
    return Page.of(items, limit, lambda item: [item.submitted_at.isoformat(), item.id])


@router.get(
    "/{proposal_id}",
    operation_id="get_proposal",
    summary="Get a proposal",
    responses=problem_responses(404),
)
async def get_proposal(
    session: DbSession, principal: PlansReader, proposal_id: uuid.UUID
) -> ProposalRead:
    """One proposal and, once decided, the decision."""
    return ProposalRead.model_validate(await service.get_visible(session, principal, proposal_id))


@router.post(
    "/{proposal_id}/accept",
    operation_id="accept_proposal",
    summary="Accept a proposal into a plan",
    responses=problem_responses(404, 409, 422),
)
async def accept_proposal(
    session: DbSession, principal: PlansWriter, proposal_id: uuid.UUID, body: ProposalAccept
) -> ProposalRead:
    """Adds it to the plan as a custom item (origin «proposal», citing the feedback)."""
    return ProposalRead.model_validate(await service.accept(session, principal, proposal_id, body))


@router.post(
    "/{proposal_id}/reject",
    operation_id="reject_proposal",
    summary="Reject a proposal",
    responses=problem_responses(404, 409, 422),
)
async def reject_proposal(
    session: DbSession, principal: PlansWriter, proposal_id: uuid.UUID, body: ProposalReject
) -> ProposalRead:
    """Keeps it with the reason; a decided proposal cannot be decided again (409)."""
    return ProposalRead.model_validate(await service.reject(session, principal, proposal_id, body))
