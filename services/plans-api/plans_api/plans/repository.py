import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from plans_api.plans.models import Plan, PlanRevision, PlanRow, PlanStatus

_FULL = (
    selectinload(Plan.rows).selectinload(PlanRow.executors),
    selectinload(Plan.rows).selectinload(PlanRow.evidence),
)


async def get_full(session: AsyncSession, plan_id: uuid.UUID) -> Plan | None:
    return await session.scalar(
        select(Plan)
        .where(Plan.id == plan_id)
        .options(*_FULL)
        .execution_options(populate_existing=True)
    )


async def by_checklist(session: AsyncSession, checklist_id: uuid.UUID) -> Plan | None:
    return await session.scalar(select(Plan).where(Plan.checklist_id == checklist_id))


async def search(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    status: PlanStatus | None,
    limit: int,
) -> Sequence[Plan]:
    stmt = select(Plan).options(*_FULL).order_by(Plan.created_at.desc()).limit(limit)
    if agency_id is not None:
        stmt = stmt.where(Plan.agency_id == agency_id)
    if service_id is not None:
        stmt = stmt.where(Plan.service_id == service_id)
    if status is not None:
        stmt = stmt.where(Plan.status == status)
    return (await session.scalars(stmt)).all()


async def revisions(session: AsyncSession, plan_id: uuid.UUID) -> Sequence[PlanRevision]:
    stmt = select(PlanRevision).where(PlanRevision.plan_id == plan_id).order_by(PlanRevision.number)
    return (await session.scalars(stmt)).all()


async def next_revision_number(session: AsyncSession, plan_id: uuid.UUID) -> int:
    current = await session.scalar(
        select(func.max(PlanRevision.number)).where(PlanRevision.plan_id == plan_id)
    )
    return (current or 0) + 1


async def tracked(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_ids: Sequence[uuid.UUID] | None,
    limit: int,
) -> Sequence[Plan]:
    """Approved and completed plans (drafts are not tracked), oldest first."""
    stmt = (
        select(Plan)
        .options(*_FULL)
        .where(Plan.status != PlanStatus.DRAFT)
        .order_by(Plan.created_at, Plan.id)
        .limit(limit)
    )
    if agency_id is not None:
        stmt = stmt.where(Plan.agency_id == agency_id)
    if service_ids is not None:
        stmt = stmt.where(Plan.service_id.in_(service_ids))
    return (await session.scalars(stmt)).all()
