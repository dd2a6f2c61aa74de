import uuid
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import and_, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.aggregates.hourly import HOURLY_COUNTERS, FeedbackHourly
from reporting_worker.directory.models import KnownService

# (hour, service_id, stage, channel) → responses, rating_1..5
HourKey = tuple[datetime, uuid.UUID, str, str]


async def hourly_rows(
    session: AsyncSession,
    *,
    agency_id: uuid.UUID | None,
    service_id: uuid.UUID | None,
    start: datetime,
    end: datetime,
) -> dict[HourKey, list[int]]:
    model = FeedbackHourly
    keys = (model.hour, model.service_id, model.stage, model.channel)
    conditions = [model.hour >= start, model.hour < end]
    if agency_id is not None:
        conditions.append(model.agency_id == agency_id)
    if service_id is not None:
        conditions.append(model.service_id == service_id)
    rows = await session.execute(
        select(*keys, *(func.sum(getattr(model, c)) for c in HOURLY_COUNTERS))
        .where(and_(true(), *conditions))
        .group_by(*keys)
    )
    return {(r[0], r[1], r[2], r[3]): [int(v) for v in r[4:]] for r in rows}


async def service_titles(session: AsyncSession, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    found = await session.execute(
        select(KnownService.id, KnownService.title).where(KnownService.id.in_(ids))
    )
    return {row.id: row.title for row in found}
