import uuid
from collections.abc import Sequence

from sqlalchemy import literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from otklik_shared.vocab import AgencyLevel
from plans_api.agencies.models import Agency

# deeper than any real hierarchy (federal, regional, municipal and their units)
MAX_DEPTH = 50


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


async def ancestor_ids(session: AsyncSession, agency_id: uuid.UUID) -> list[uuid.UUID]:
    """The agency and its superiors up the parent chain (stops on a cycle already stored)."""
    chain = (
        select(Agency.id, Agency.parent_id, literal(1).label("depth"))
        .where(Agency.id == agency_id)
        .cte("chain", recursive=True)
    )
    parent = aliased(Agency)
    chain = chain.union(
        select(parent.id, parent.parent_id, chain.c.depth + 1)
        .join(chain, parent.id == chain.c.parent_id)
        .where(chain.c.depth < MAX_DEPTH)
    )
    rows = await session.execute(select(chain.c.id).order_by(chain.c.depth))
    return [row.id for row in rows]


async def child_levels(session: AsyncSession, agency_id: uuid.UUID) -> set[AgencyLevel]:
    stmt = select(Agency.level).where(Agency.parent_id == agency_id).distinct()
    return set((await session.scalars(stmt)).all())


async def names_in_scope(
    session: AsyncSession,
    *,
    level: AgencyLevel,
    parent_id: uuid.UUID | None,
    region_code: str | None,
) -> Sequence[tuple[uuid.UUID, str]]:
    """Names of the agencies of one level under one parent in one region."""
    stmt = select(Agency.id, Agency.name).where(
        Agency.level == level,
        Agency.parent_id.is_(None) if parent_id is None else Agency.parent_id == parent_id,
        Agency.region_code.is_(None) if region_code is None else Agency.region_code == region_code,
    )
    return [(row.id, row.name) for row in await session.execute(stmt)]
