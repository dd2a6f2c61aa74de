"""The touchpoint registry (перечень точек взаимодействия) of each agency, seed 003."""

import dataclasses
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound, UnprocessableEntity
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import TouchpointPayload, TouchpointUpserted
from otklik_shared.vocab_touchpoints import TOUCHPOINT_KIND_IS_DIGITAL
from plans_api.agencies.models import Agency
from plans_api.agencies.service import get_visible as get_visible_agency
from plans_api.catalog.models import StateService
from plans_api.catalog.service import check_agency_writable
from plans_api.database import PRODUCER, outbox
from plans_api.touchpoints import repository
from plans_api.touchpoints.integrity import check_unique
from plans_api.touchpoints.models import Touchpoint
from plans_api.touchpoints.rules import check_directions, check_location, resolve_is_digital
from plans_api.touchpoints.schemas import TouchpointCreate, TouchpointFilter, TouchpointUpdate

NOT_NULL = (
    "kind",
    "name",
    "directions",
    "client_needs",
    "collects_feedback",
    "service_ids",
    "responsible_persons",
)


async def linked_services(
    session: AsyncSession, *, agency_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> list[StateService]:
    found = await repository.services_of_agency(session, agency_id, ids)
    for index, service_id in enumerate(ids):
        if service_id not in found:
            raise UnprocessableEntity.for_field(
                f"service_ids.{index}",
                f"Service {service_id} is not a service of agency {agency_id}",
                type_="not_found",
            )
    return [found[i] for i in dict.fromkeys(ids)]


async def get_visible(
    session: AsyncSession, principal: Principal, touchpoint_id: uuid.UUID
) -> Touchpoint:
    touchpoint = await repository.get(session, touchpoint_id)
    if touchpoint is None or not principal.sees_agency(touchpoint.agency_id):
        raise NotFound(f"Touchpoint {touchpoint_id} not found")
    return touchpoint


def visible_filter(principal: Principal, where: TouchpointFilter) -> TouchpointFilter | None:
    """The filter narrowed to the key's agency; None when it asks for another agency."""
    visible, agency_id = principal.listing_agency(where.agency_id)
    return dataclasses.replace(where, agency_id=agency_id) if visible else None


async def list_visible(
    session: AsyncSession,
    principal: Principal,
    where: TouchpointFilter,
    *,
    after: tuple[str, uuid.UUID] | None,
    limit: int,
) -> Sequence[Touchpoint]:
    scoped = visible_filter(principal, where)
    if scoped is None:
        return []
    return await repository.search(session, scoped, after=after, limit=limit)


async def registry(
    session: AsyncSession, principal: Principal, where: TouchpointFilter
) -> tuple[Agency, Sequence[Touchpoint]]:
    """One agency's registry: the export is a document of one body."""
    agency_id = where.agency_id or principal.agency_id
    if agency_id is None:
        raise UnprocessableEntity.for_field(
            "agency_id", "The registry is exported per agency", type_="missing", location="query"
        )
    agency = await get_visible_agency(session, principal, agency_id)
    scoped = dataclasses.replace(where, agency_id=agency.id)
    return agency, await repository.search(session, scoped)


def touchpoint_event(touchpoint: Touchpoint, *, deleted: bool = False) -> TouchpointUpserted:
    payload = TouchpointPayload(
        touchpoint_id=touchpoint.id,
        agency_id=touchpoint.agency_id,
        name=touchpoint.name,
        kind=touchpoint.kind,
        is_digital=touchpoint.is_digital,
        service_ids=touchpoint.service_ids,
        deleted=deleted,
        directions=touchpoint.directions,
    )
    return TouchpointUpserted(**new_event_fields(PRODUCER), payload=payload)


async def _publish(session: AsyncSession, touchpoint: Touchpoint, *, deleted: bool = False) -> None:
    """feedback-api checks feedback against its copy of the registry; reporting names them."""
    await publish(session, outbox, touchpoint_event(touchpoint, deleted=deleted))


async def create_touchpoint(
    session: AsyncSession, principal: Principal, data: TouchpointCreate
) -> Touchpoint:
    await check_agency_writable(session, principal, data.agency_id, field="agency_id")
    touchpoint = Touchpoint(
        **data.model_dump(exclude={"service_ids", "is_digital"}),
        is_digital=resolve_is_digital(data.kind, data.is_digital),
        services=await linked_services(session, agency_id=data.agency_id, ids=data.service_ids),
    )
    check_location(touchpoint)
    check_directions(touchpoint, data.service_ids)
    await check_unique(session, touchpoint)
    session.add(touchpoint)
    await session.flush()
    created = await get_visible(session, principal, touchpoint.id)
    await _publish(session, created)
    return created


async def update_touchpoint(
    session: AsyncSession, principal: Principal, touchpoint_id: uuid.UUID, data: TouchpointUpdate
) -> Touchpoint:
    touchpoint = await get_visible(session, principal, touchpoint_id)
    changes = data.model_dump(exclude_unset=True)
    for required in NOT_NULL:
        if required in changes and changes[required] is None:
            raise UnprocessableEntity.for_field(required, "Cannot be null", type_="null")
    kind = changes.get("kind", touchpoint.kind)
    kind_decides = "kind" in changes and TOUCHPOINT_KIND_IS_DIGITAL[kind] is not None
    given = changes.pop("is_digital", None if kind_decides else touchpoint.is_digital)
    touchpoint.is_digital = resolve_is_digital(kind, given)
    service_ids = changes.pop("service_ids", None)
    if service_ids is not None:
        touchpoint.services = await linked_services(
            session, agency_id=touchpoint.agency_id, ids=service_ids
        )
    for field, value in changes.items():
        setattr(touchpoint, field, value)
    check_location(touchpoint)
    # a service's direction may change after it was linked; only a change here re-checks that
    if "directions" in changes or service_ids is not None:
        check_directions(touchpoint, service_ids)
    if changes.keys() & {"name", "url", "address"}:
        await check_unique(session, touchpoint)
    await session.flush()
    updated = await get_visible(session, principal, touchpoint.id)
    await _publish(session, updated)
    return updated


async def delete_touchpoint(
    session: AsyncSession, principal: Principal, touchpoint_id: uuid.UUID
) -> None:
    touchpoint = await get_visible(session, principal, touchpoint_id)
    await _publish(session, touchpoint, deleted=True)
    await session.delete(touchpoint)
    await session.flush()
