"""Applying plans-api's catalog events to the worker's own copy."""

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import AgencyUpserted, ServiceUpserted
from reporting_worker.directory.models import KnownAgency, KnownService


async def on_agency_upserted(session: AsyncSession, event: AgencyUpserted) -> None:
    p = event.payload
    values = {
        "name": p.name,
        "short_name": p.short_name,
        "level": p.level.value,
        "parent_id": p.parent_id,
        "source_event_at": event.occurred_at,
    }
    stmt = insert(KnownAgency).values(id=p.agency_id, revision=1, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[KnownAgency.id],
        set_={**values, "revision": KnownAgency.revision + 1},
        # an older event arriving late must not overwrite a newer state
        where=KnownAgency.source_event_at <= event.occurred_at,
    )
    await session.execute(stmt)


async def on_service_upserted(session: AsyncSession, event: ServiceUpserted) -> None:
    p = event.payload
    values = {
        "agency_id": p.agency_id,
        "title": p.title,
        "direction": p.direction.value,
        "stages": [s.value for s in p.stages],
        "life_situation_ids": p.life_situation_ids,
        "retired": p.retired,
        "source_event_at": event.occurred_at,
    }
    stmt = insert(KnownService).values(id=p.service_id, revision=1, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[KnownService.id],
        set_={**values, "revision": KnownService.revision + 1},
        where=KnownService.source_event_at <= event.occurred_at,
    )
    await session.execute(stmt)
