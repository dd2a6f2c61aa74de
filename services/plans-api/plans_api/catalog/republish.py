"""A full resync of the catalog copies other services keep: every agency, service and touchpoint
published
again as a fresh event. Consumers upsert, so a replay changes nothing that was already right."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from otklik_kit.events.publisher import publish
from plans_api.agencies.models import Agency
from plans_api.agencies.service import agency_event
from plans_api.catalog.models import StateService
from plans_api.catalog.service import service_event
from plans_api.database import outbox
from plans_api.touchpoints.models import Touchpoint
from plans_api.touchpoints.service import touchpoint_event

CHUNK = 500


@dataclass(frozen=True)
class Republished:
    agencies: int
    services: int
    touchpoints: int


async def republish_catalog(session: AsyncSession) -> Republished:
    agencies = (await session.scalars(select(Agency).order_by(Agency.created_at))).all()
    for start in range(0, len(agencies), CHUNK):
        await publish(session, outbox, *map(agency_event, agencies[start : start + CHUNK]))
    services = 0
    query = (
        select(StateService)
        .options(selectinload(StateService.life_situations))
        .order_by(StateService.id)
        .execution_options(yield_per=CHUNK)
    )
    async for partition in (await session.stream_scalars(query)).partitions(CHUNK):
        await publish(session, outbox, *map(service_event, partition))
        services += len(partition)
    touchpoints = 0
    query_touchpoints = (
        select(Touchpoint)
        .options(selectinload(Touchpoint.services))
        .order_by(Touchpoint.id)
        .execution_options(yield_per=CHUNK)
    )
    stream = await session.stream_scalars(query_touchpoints)
    async for registry_part in stream.partitions(CHUNK):
        await publish(session, outbox, *map(touchpoint_event, registry_part))
        touchpoints += len(registry_part)
    return Republished(agencies=len(agencies), services=services, touchpoints=touchpoints)
