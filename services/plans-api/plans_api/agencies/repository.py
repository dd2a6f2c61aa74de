import uuid
from collections.abc import Sequence

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import AgencyLevel
from plans_api.agencies.models import Agency


async def get(session: AsyncSession, agency_id: uuid.UUID) -> Agency | None:
    return await session.get(Agency, agency_id)


async def existing_ids(session: AsyncSession, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    if not ids:
        return set()
    return set((await session.scalars(select(Agency.id).where(Agency.id.in_(ids)))).all())


async def search(
    session: AsyncSession,
    *,
    only_id: uuid.UUID | None,
    query: str | None,
    level: AgencyLevel | None,
    parent_id: uuid.UUID | None,
    after: tuple[str, uuid.UUID] | None,
    limit: int,
) -> Sequence[Agency]:
    stmt = select(Agency).order_by(Agency.name, Agency.id).limit(limit)
    if only_id is not None:
        stmt = stmt.where(Agency.id == only_id)
    if query:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(
            Agency.name.ilike(f"%{escaped}%") | Agency.short_name.ilike(f"%{escaped}%")
        )
    if level is not None:
        stmt = stmt.where(Agency.level == level)
    if parent_id is not None:
        stmt = stmt.where(Agency.parent_id == parent_id)
    if after is not None:
        stmt = stmt.where(tuple_(Agency.name, Agency.id) > after)
    return (await session.scalars(stmt)).all()
