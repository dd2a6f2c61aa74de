"""Deciding on a proposal: accepted as a custom item of a plan (origin «proposal», citing the
feedback), or rejected with a reason. A proposal is decided once."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, NotFound, UnprocessableEntity
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import ProposalDecided, ProposalDecisionPayload
from plans_api.database import PRODUCER, outbox
from plans_api.plans import items
from plans_api.plans.schemas import CustomItemCreate
from plans_api.plans.service import get_visible_plan
from plans_api.proposals import repository
from plans_api.proposals.models import Proposal, ProposalStatus
from plans_api.proposals.schemas import ProposalAccept, ProposalReject

REASON_LIMIT = 2000


async def get_visible(
    session: AsyncSession, principal: Principal, proposal_id: uuid.UUID, *, for_update: bool = False
) -> Proposal:
    proposal = await repository.get(session, proposal_id, for_update=for_update)
    if proposal is None or not principal.sees_agency(proposal.agency_id):
        raise NotFound(f"Proposal {proposal_id} not found")
    return proposal


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: ProposalStatus | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Proposal]:
    visible, agency_id = principal.listing_agency(agency_id)
    if not visible:
        return []
    return await repository.search(
        session, agency_id=agency_id, service_id=service_id, status=status, after=after, limit=limit
    )


async def _undecided(
    session: AsyncSession, principal: Principal, proposal_id: uuid.UUID
) -> Proposal:
    proposal = await get_visible(session, principal, proposal_id, for_update=True)
    if proposal.status != ProposalStatus.NEW:
        raise Conflict(f"Proposal {proposal.id} is already {proposal.status.value}")
    return proposal


def _decided(proposal: Proposal, principal: Principal, status: ProposalStatus) -> None:
    proposal.status = status
    proposal.decided_at = datetime.now(UTC)
    proposal.decided_by = principal.name


async def _publish_decision(session: AsyncSession, proposal: Proposal) -> None:
    """The outcome, in the decision's transaction, for the feedback the proposal came from."""
    assert proposal.decided_at is not None
    assert proposal.decided_by is not None
    payload = ProposalDecisionPayload(
        proposal_id=proposal.id,
        feedback_id=proposal.feedback_id,
        agency_id=proposal.agency_id,
        status="accepted" if proposal.status == ProposalStatus.ACCEPTED else "rejected",
        decided_at=proposal.decided_at,
        decided_by=proposal.decided_by,
        reason=proposal.reject_reason,
        plan_id=proposal.plan_id,
        plan_item_id=proposal.plan_item_id,
        item_number=proposal.item_number,
    )
    await publish(session, outbox, ProposalDecided(**new_event_fields(PRODUCER), payload=payload))


async def accept(
    session: AsyncSession, principal: Principal, proposal_id: uuid.UUID, data: ProposalAccept
) -> Proposal:
    proposal = await _undecided(session, principal, proposal_id)
    plan = await get_visible_plan(session, principal, data.plan_id)
    if plan.agency_id != proposal.agency_id:
        raise UnprocessableEntity.for_field(
            "plan_id", "The plan belongs to another agency", type_="agency_mismatch"
        )
    if proposal.service_id is not None and plan.service_id != proposal.service_id:
        raise UnprocessableEntity.for_field(
            "plan_id", "The plan is for another service than the feedback", type_="service_mismatch"
        )
    before = {row.id for row in plan.rows}
    reason = (
        data.revision_reason
        or (f"Принято предложение по обратной связи граждан: {proposal.title}"[:REASON_LIMIT])
    )
    item = CustomItemCreate(
        section=data.section,
        text=data.text or proposal.title,
        result=data.result,
        result_kinds=data.result_kinds,
        origin="proposal",
        proposal_ref=f"feedback:{proposal.feedback_id}",
        revision_reason=reason,
    )
    updated = await items.add_custom_item(session, principal, plan.id, item)
    added = next(r for r in updated.rows if r.id not in before and r.kind == "item")
    _decided(proposal, principal, ProposalStatus.ACCEPTED)
    proposal.plan_id, proposal.plan_item_id, proposal.item_number = plan.id, added.id, added.number
    await session.flush()
    await _publish_decision(session, proposal)
    return proposal


async def reject(
    session: AsyncSession, principal: Principal, proposal_id: uuid.UUID, data: ProposalReject
) -> Proposal:
    proposal = await _undecided(session, principal, proposal_id)
    _decided(proposal, principal, ProposalStatus.REJECTED)
    proposal.reject_reason = data.reason
    await session.flush()
    await _publish_decision(session, proposal)
    return proposal
