"""Applying feedback-api's proposals to plans-api's list of incoming proposals."""

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import ProposalSubmitted
from plans_api.proposals.models import Proposal, ProposalStatus


async def on_proposal_submitted(session: AsyncSession, event: ProposalSubmitted) -> None:
    p = event.payload
    await session.execute(
        insert(Proposal)
        .values(
            id=p.proposal_id,
            feedback_id=p.feedback_id,
            agency_id=p.agency_id,
            service_id=p.service_id,
            stage=p.stage.value if p.stage else None,
            title=p.title,
            rationale=p.rationale,
            proposed_by=p.proposed_by,
            submitted_at=event.occurred_at,
            status=ProposalStatus.NEW,
        )
        .on_conflict_do_nothing(index_elements=[Proposal.id])
    )
