"""Applying plans-api's catalog events to the worker's own copy."""

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.events.copies import upsert_if_newer
from otklik_shared.events import AgencyUpserted, ServiceUpserted, TouchpointUpserted
from reporting_worker.directory.models import KnownAgency, KnownService, KnownTouchpoint


async def on_agency_upserted(session: AsyncSession, event: AgencyUpserted) -> None:
    p = event.payload
    values = {
        "name": p.name,
        "short_name": p.short_name,
        "level": p.level.value,
        "parent_id": p.parent_id,
        "source_event_at": event.occurred_at,
    }
    await upsert_if_newer(
        session, KnownAgency, p.agency_id, values, on_update={"revision": KnownAgency.revision + 1}
    )


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
    await upsert_if_newer(
        session,
        KnownService,
        p.service_id,
        values,
        on_update={"revision": KnownService.revision + 1},
    )


async def on_touchpoint_upserted(session: AsyncSession, event: TouchpointUpserted) -> None:
    p = event.payload
    values = {
        "agency_id": p.agency_id,
        "name": p.name,
        "kind": p.kind.value,
        "is_digital": p.is_digital,
        "deleted": p.deleted,
        "source_event_at": event.occurred_at,
    }
    await upsert_if_newer(
        session,
        KnownTouchpoint,
        p.touchpoint_id,
        values,
        on_update={"revision": KnownTouchpoint.revision + 1},
    )
