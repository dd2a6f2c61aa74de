import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from plans_api.checklists.models import Checklist
from plans_api.plans.models import Plan


async def get(session: AsyncSession, checklist_id: uuid.UUID) -> Checklist | None:
    return await session.get(Checklist, checklist_id)


async def list_for_service(session: AsyncSession, service_id: uuid.UUID) -> Sequence[Checklist]:
    stmt = (
        select(Checklist)
        .where(Checklist.service_id == service_id)
        .order_by(Checklist.created_at.desc())
        .limit(200)
    )
    return (await session.scalars(stmt)).all()


async def plan_ids(
    session: AsyncSession, checklist_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    if not checklist_ids:
        return {}
    rows = await session.execute(
        select(Plan.checklist_id, Plan.id).where(Plan.checklist_id.in_(checklist_ids))
    )
    return {checklist_id: plan_id for checklist_id, plan_id in rows if checklist_id}
