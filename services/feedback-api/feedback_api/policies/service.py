"""How long each agency takes to answer: its own number of days, or the service's default.

A change applies to feedback received after it; the dates already promised stand.
"""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.policies import repository
from feedback_api.policies.schemas import ReviewPolicyIn, ReviewPolicyRead
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound


async def _check_visible(session: AsyncSession, principal: Principal, agency_id: uuid.UUID) -> None:
    if not principal.sees_agency(agency_id) or not await repository.agency_known(
        session, agency_id
    ):
        raise NotFound(f"Agency {agency_id} not found")


async def get_policy(
    session: AsyncSession, principal: Principal, agency_id: uuid.UUID, *, default_days: int
) -> ReviewPolicyRead:
    await _check_visible(session, principal, agency_id)
    policy = await repository.get(session, agency_id)
    if policy is None:
        return ReviewPolicyRead(
            agency_id=agency_id, answer_due_days=default_days, is_default=True, updated_at=None
        )
    return ReviewPolicyRead(
        agency_id=agency_id,
        answer_due_days=policy.answer_due_days,
        is_default=False,
        updated_at=policy.updated_at,
    )


async def set_policy(
    session: AsyncSession,
    principal: Principal,
    agency_id: uuid.UUID,
    data: ReviewPolicyIn,
    *,
    default_days: int,
) -> ReviewPolicyRead:
    await _check_visible(session, principal, agency_id)
    await repository.upsert(session, agency_id, data.answer_due_days)
    return await get_policy(session, principal, agency_id, default_days=default_days)
