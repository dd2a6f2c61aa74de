import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from plans_api.proposals.models import Proposal, ProposalStatus


async def get(
    session: AsyncSession, proposal_id: uuid.UUID, *, for_update: bool = False
) -> Proposal | None:
    return await session.get(Proposal, proposal_id, with_for_update=for_update)


async def search(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: ProposalStatus | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[Proposal]:
    query = select(Proposal)
    if agency_id is not None:
        query = query.where(Proposal.agency_id == agency_id)
    if service_id is not None:
        query = query.where(Proposal.service_id == service_id)
    if status is not None:
        query = query.where(Proposal.status == status)
    if after is not None:
        query = query.where(tuple_(Proposal.submitted_at, Proposal.id) < tuple_(*after))
    query = query.order_by(Proposal.submitted_at.desc(), Proposal.id.desc()).limit(limit)
    return (await session.scalars(query)).all()
