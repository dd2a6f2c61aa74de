"""Agencies: the bodies that own services and plans. Every change is published as an event."""

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Forbidden, NotFound, UnprocessableEntity
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import AgencyPayload, AgencyUpserted
from otklik_shared.vocab import AgencyLevel
from plans_api.agencies import repository
from plans_api.agencies.models import Agency
from plans_api.agencies.schemas import AgencyCreate, AgencyUpdate
from plans_api.database import PRODUCER, outbox


async def get_visible(session: AsyncSession, principal: Principal, agency_id: uuid.UUID) -> Agency:
    agency = await repository.get(session, agency_id)
    if agency is None or not principal.sees_agency(agency.id):
        raise NotFound(f"Agency {agency_id} not found")
    return agency


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    *,
    query: str | None,
    level: AgencyLevel | None,
    parent_id: uuid.UUID | None,
    after: tuple[str, uuid.UUID] | None,
    limit: int,
) -> Sequence[Agency]:
    return await repository.search(
        session,
        only_id=principal.agency_id,
        query=query,
        level=level,
        parent_id=parent_id,
        after=after,
        limit=limit,
    )


async def _check_parent(
    session: AsyncSession, *, parent_id: uuid.UUID | None, own_id: uuid.UUID | None = None
) -> None:
    if parent_id is None:
        return
    if parent_id == own_id:
        raise UnprocessableEntity.for_field(
            "parent_id", "An agency cannot be its own parent", type_="cycle"
        )
    if await repository.get(session, parent_id) is None:
        raise UnprocessableEntity.for_field(
            "parent_id", f"Agency {parent_id} does not exist", type_="not_found"
        )


def agency_event(agency: Agency) -> AgencyUpserted:
    payload = AgencyPayload(
        agency_id=agency.id,
        name=agency.name,
        short_name=agency.short_name,
        level=agency.level,
        parent_id=agency.parent_id,
        region_code=agency.region_code,
    )
    return AgencyUpserted(**new_event_fields(PRODUCER), payload=payload)


async def _publish(session: AsyncSession, agency: Agency) -> None:
    await publish(session, outbox, agency_event(agency))


async def create_agency(session: AsyncSession, principal: Principal, data: AgencyCreate) -> Agency:
    if principal.agency_id is not None:
        raise Forbidden("A key bound to an agency cannot create agencies")
    await _check_parent(session, parent_id=data.parent_id)
    agency = Agency(**data.model_dump())
    session.add(agency)
    await session.flush()
    await session.refresh(agency)
    await _publish(session, agency)
    return agency


async def update_agency(
    session: AsyncSession, principal: Principal, agency_id: uuid.UUID, data: AgencyUpdate
) -> Agency:
    agency = await get_visible(session, principal, agency_id)
    changes = data.model_dump(exclude_unset=True)
    for required in ("name", "level"):
        if required in changes and changes[required] is None:
            raise UnprocessableEntity.for_field(required, "Cannot be null", type_="null")
    if "parent_id" in changes:
        await _check_parent(session, parent_id=changes["parent_id"], own_id=agency.id)
    for field, value in changes.items():
        setattr(agency, field, value)
    await session.flush()
    await session.refresh(agency)
    await _publish(session, agency)
    return agency
