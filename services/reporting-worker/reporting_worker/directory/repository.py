import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.directory.models import KnownAgency, KnownService


async def list_agencies(
    session: AsyncSession, *, only_id: uuid.UUID | None, limit: int
) -> Sequence[KnownAgency]:
    stmt = select(KnownAgency).order_by(KnownAgency.name, KnownAgency.id).limit(limit)
    if only_id is not None:
        stmt = stmt.where(KnownAgency.id == only_id)
    return (await session.scalars(stmt)).all()


async def list_services(
    session: AsyncSession, *, agency_id: uuid.UUID | None, limit: int
) -> Sequence[KnownService]:
    stmt = select(KnownService).order_by(KnownService.title, KnownService.id).limit(limit)
    if agency_id is not None:
        stmt = stmt.where(KnownService.agency_id == agency_id)
    return (await session.scalars(stmt)).all()
