import uuid
from collections.abc import Sequence

from sqlalchemy import exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from otklik_shared.vocab import Direction, Stage
from plans_api.catalog.models import LifeSituation, StateService, service_life_situations


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def get_life_situation(
    session: AsyncSession, situation_id: uuid.UUID
) -> LifeSituation | None:
    return await session.get(LifeSituation, situation_id)


async def life_situations_by_id(
    session: AsyncSession, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, LifeSituation]:
    if not ids:
        return {}
    rows = await session.scalars(select(LifeSituation).where(LifeSituation.id.in_(ids)))
    return {row.id: row for row in rows}


async def life_situations_by_code(
    session: AsyncSession, codes: Sequence[str]
) -> dict[str, LifeSituation]:
    if not codes:
        return {}
    rows = await session.scalars(select(LifeSituation).where(LifeSituation.code.in_(codes)))
    return {row.code: row for row in rows}


async def search_life_situations(
    session: AsyncSession, *, query: str | None, after: tuple[str, uuid.UUID] | None, limit: int
) -> Sequence[LifeSituation]:
    stmt = select(LifeSituation).order_by(LifeSituation.title, LifeSituation.id).limit(limit)
    if query:
        stmt = stmt.where(LifeSituation.title.ilike(like_pattern(query)))
    if after is not None:
        stmt = stmt.where(tuple_(LifeSituation.title, LifeSituation.id) > after)
    return (await session.scalars(stmt)).all()


async def code_taken(session: AsyncSession, code: str) -> bool:
    return bool(await session.scalar(select(exists().where(LifeSituation.code == code))))


async def get_service(session: AsyncSession, service_id: uuid.UUID) -> StateService | None:
    return await session.scalar(
        select(StateService)
        .where(StateService.id == service_id)
        .options(selectinload(StateService.life_situations))
        .execution_options(populate_existing=True)
    )


async def taken_register_numbers(
    session: AsyncSession, numbers: Sequence[str], *, except_id: uuid.UUID | None = None
) -> dict[str, uuid.UUID]:
    """Each given number already in the catalog, with the id of the service holding it."""
    if not numbers:
        return {}
    stmt = select(StateService.register_number, StateService.id).where(
        StateService.register_number.in_(numbers)
    )
    if except_id is not None:
        stmt = stmt.where(StateService.id != except_id)
    return {
        row.register_number: row.id for row in await session.execute(stmt) if row.register_number
    }


async def search_services(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    query: str | None,
    direction: Direction | None,
    stage: Stage | None,
    life_situation_id: uuid.UUID | None,
    include_retired: bool,
    after: tuple[str, uuid.UUID] | None,
    limit: int,
) -> Sequence[StateService]:
    stmt = (
        select(StateService)
        .options(selectinload(StateService.life_situations))
        .order_by(StateService.title, StateService.id)
        .limit(limit)
    )
    if agency_id is not None:
        stmt = stmt.where(StateService.agency_id == agency_id)
    if query:
        stmt = stmt.where(
            StateService.title.ilike(like_pattern(query)) | (StateService.register_number == query)
        )
    if direction is not None:
        stmt = stmt.where(StateService.direction == direction)
    if stage is not None:
        stmt = stmt.where(StateService.stages.contains([stage.value]))
    if life_situation_id is not None:
        stmt = stmt.where(
            exists().where(
                service_life_situations.c.service_id == StateService.id,
                service_life_situations.c.life_situation_id == life_situation_id,
            )
        )
    if not include_retired:
        stmt = stmt.where(StateService.retired_at.is_(None))
    if after is not None:
        stmt = stmt.where(tuple_(StateService.title, StateService.id) > after)
    return (await session.scalars(stmt)).all()


async def titles_of_agency(
    session: AsyncSession, agency_id: uuid.UUID
) -> Sequence[tuple[uuid.UUID, str]]:
    stmt = select(StateService.id, StateService.title).where(StateService.agency_id == agency_id)
    return [(row.id, row.title) for row in await session.execute(stmt)]
