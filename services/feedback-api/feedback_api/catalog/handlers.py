"""Applying plans-api's catalog events to feedback-api's copy. An older event arriving late
never overwrites a newer state."""

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from otklik_kit.events.copies import upsert_if_newer
from otklik_shared.events import AgencyUpserted, ServiceUpserted, TouchpointUpserted


async def on_agency_upserted(session: AsyncSession, event: AgencyUpserted) -> None:
    p = event.payload
    values = {
        "name": p.name,
        "short_name": p.short_name,
        "level": p.level.value,
        "source_event_at": event.occurred_at,
    }
    await upsert_if_newer(session, CatalogAgency, p.agency_id, values)


async def on_service_upserted(session: AsyncSession, event: ServiceUpserted) -> None:
    p = event.payload
    values = {
        "agency_id": p.agency_id,
        "title": p.title,
        "stages": [s.value for s in p.stages],
        "retired": p.retired,
        "source_event_at": event.occurred_at,
    }
    await upsert_if_newer(session, CatalogService, p.service_id, values)


async def on_touchpoint_upserted(session: AsyncSession, event: TouchpointUpserted) -> None:
    p = event.payload
    values = {
        "agency_id": p.agency_id,
        "name": p.name,
        "kind": p.kind.value,
        "is_digital": p.is_digital,
        "service_ids": p.service_ids,
        "directions": [d.value for d in p.directions],
        "deleted": p.deleted,
        "source_event_at": event.occurred_at,
    }
    await upsert_if_newer(session, CatalogTouchpoint, p.touchpoint_id, values)
