"""Applying plans-api's catalog events to the worker's own copy."""

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import AgencyUpserted
from reporting_worker.directory.models import KnownAgency


async def on_agency_upserted(session: AsyncSession, event: AgencyUpserted) -> None:
    p = event.payload
    values = {
        "name": p.name,
        "short_name": p.short_name,
        "level": p.level.value,
        "parent_id": p.parent_id,
        "source_event_at": event.occurred_at,
    }
    table = KnownAgency.__table__
    stmt = insert(table).values(id=p.agency_id, revision=1, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={**values, "revision": table.c.revision + 1},
        # an older event arriving late must not overwrite a newer state
        where=table.c.source_event_at <= event.occurred_at,
    )
    await session.execute(stmt)
