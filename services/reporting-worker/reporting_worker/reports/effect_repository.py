"""The one aggregate query of the effect-of-measures section: daily counters of the services and
stages that done plan items act on."""

import uuid
from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import Criterion
from reporting_worker.aggregates.models import FeedbackDaily
from reporting_worker.reports.figures import Tally

COLUMNS = (
    "responses",
    "rating_4",
    "rating_5",
    *(f"{c.value}_sum" for c in Criterion),
    *(f"{c.value}_count" for c in Criterion),
)
# (service_id, stage, day)
StageDay = tuple[uuid.UUID, str, date]


async def stage_days(
    session: AsyncSession,
    *,
    service_ids: Collection[uuid.UUID],
    stages: Collection[str],
    first: date,
    last: date,
) -> dict[StageDay, Tally]:
    if not service_ids or not stages:
        return {}
    model = FeedbackDaily
    keys = (model.service_id, model.stage, model.day)
    rows = await session.execute(
        select(*keys, *(func.sum(getattr(model, c)) for c in COLUMNS))
        .where(
            model.service_id.in_(service_ids),
            model.stage.in_(stages),
            model.day.between(first, last),
        )
        .group_by(*keys)
    )
    return {
        (row[0], row[1], row[2]): dict(zip(COLUMNS, map(int, row[3:]), strict=True)) for row in rows
    }
