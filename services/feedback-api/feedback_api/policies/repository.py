import uuid

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency
from feedback_api.feedback.models import ReviewPolicy


async def agency_known(session: AsyncSession, agency_id: uuid.UUID) -> bool:
    return await session.get(CatalogAgency, agency_id) is not None


async def get(session: AsyncSession, agency_id: uuid.UUID) -> ReviewPolicy | None:
    return await session.get(ReviewPolicy, agency_id, populate_existing=True)


async def upsert(session: AsyncSession, agency_id: uuid.UUID, answer_due_days: int) -> None:
    stmt = insert(ReviewPolicy).values(agency_id=agency_id, answer_due_days=answer_due_days)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ReviewPolicy.agency_id],
            set_={"answer_due_days": answer_due_days, "updated_at": func.now()},
        )
    )
