"""A feedback turned into a proposal for the agency's plan (seed 000, 3.4): kept here and sent to
plans-api, where the agency accepts it into a plan or rejects it."""

import uuid

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.database import PRODUCER, outbox
from feedback_api.feedback.repository import get_visible_feedback
from feedback_api.review.models import Proposal
from feedback_api.review.schemas import ProposalCreate
from otklik_kit.auth.keys import Principal
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_kit.ids import uuid7
from otklik_shared.events import ProposalDecided, ProposalPayload, ProposalSubmitted


async def propose(
    session: AsyncSession, principal: Principal, feedback_id: uuid.UUID, data: ProposalCreate
) -> Proposal:
    row = await get_visible_feedback(session, principal, feedback_id)
    proposal = Proposal(
        id=uuid7(),
        feedback_id=row.id,
        agency_id=row.agency_id,
        title=data.title,
        rationale=data.rationale,
        proposed_by=data.proposed_by or principal.name,
        status="new",
    )
    session.add(proposal)
    await session.flush()
    await session.refresh(proposal, ["created_at"])
    payload = ProposalPayload(
        proposal_id=proposal.id,
        feedback_id=row.id,
        agency_id=row.agency_id,
        service_id=row.service_id,
        stage=row.stage,
        title=proposal.title,
        rationale=proposal.rationale,
        proposed_by=proposal.proposed_by,
    )
    event = ProposalSubmitted(**new_event_fields(PRODUCER), payload=payload)
    await publish(session, outbox, event)
    return proposal


async def on_proposal_decided(session: AsyncSession, event: ProposalDecided) -> None:
    """Records plans-api's decision on the proposal: shown in the feedback's detail, its case
    timeline and the status the citizen's portal polls. A proposal is decided once, so a
    redelivered event writes the same values again."""
    p = event.payload
    await session.execute(
        update(Proposal)
        .where(Proposal.id == p.proposal_id)
        .values(
            status=p.status,
            decided_at=p.decided_at,
            decided_by=p.decided_by,
            reject_reason=p.reason,
            plan_id=p.plan_id,
            item_number=p.item_number,
        )
    )
