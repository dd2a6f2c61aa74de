import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from feedback_api.pages.models import TouchpointRating


async def touchpoint(session: AsyncSession, touchpoint_id: uuid.UUID) -> CatalogTouchpoint | None:
    return await session.get(CatalogTouchpoint, touchpoint_id)


async def agency(session: AsyncSession, agency_id: uuid.UUID) -> CatalogAgency | None:
    return await session.get(CatalogAgency, agency_id)


async def services(session: AsyncSession, ids: Sequence[uuid.UUID]) -> Sequence[CatalogService]:
    if not ids:
        return []
    stmt = select(CatalogService).where(CatalogService.id.in_(ids)).order_by(CatalogService.title)
    return (await session.scalars(stmt)).all()


async def claim_rating(
    session: AsyncSession,
    *,
    respondent_hash: str,
    touchpoint_id: uuid.UUID,
    day: date,
    form_key: str,
) -> str | None:
    """Claims the day's rating of the touchpoint for the respondent: None when claimed now,
    else the form key of the earlier claim. A concurrent claim waits for this one's commit."""
    stmt = (
        insert(TouchpointRating)
        .values(
            respondent_hash=respondent_hash, touchpoint_id=touchpoint_id, day=day, form_key=form_key
        )
        .on_conflict_do_nothing()
        .returning(TouchpointRating.form_key)
    )
    if await session.scalar(stmt) is not None:
        return None
    earlier = select(TouchpointRating.form_key).where(
        TouchpointRating.respondent_hash == respondent_hash,
        TouchpointRating.touchpoint_id == touchpoint_id,
        TouchpointRating.day == day,
    )
    return await session.scalar(earlier) or ""
