"""State services and life situations. Every change to a service is published as an event."""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, Duplicate, Forbidden, NotFound, UnprocessableEntity
from otklik_kit.events.publisher import new_event_fields, publish
from otklik_shared.events import ServicePayload, ServiceUpserted
from otklik_shared.vocab import Direction, Stage
from plans_api.agencies import repository as agencies
from plans_api.catalog import integrity, repository
from plans_api.catalog.models import LifeSituation, StateService
from plans_api.catalog.schemas import (
    LifeSituationCreate,
    LifeSituationUpdate,
    ServiceCreate,
    ServiceUpdate,
)
from plans_api.database import PRODUCER, outbox


async def create_life_situation(session: AsyncSession, data: LifeSituationCreate) -> LifeSituation:
    if await repository.code_taken(session, data.code):
        raise Conflict(f"Life situation code {data.code!r} is taken")
    situation = LifeSituation(**data.model_dump())
    session.add(situation)
    await session.flush()
    return situation


async def get_life_situation(session: AsyncSession, situation_id: uuid.UUID) -> LifeSituation:
    situation = await repository.get_life_situation(session, situation_id)
    if situation is None:
        raise NotFound(f"Life situation {situation_id} not found")
    return situation


async def update_life_situation(
    session: AsyncSession, situation_id: uuid.UUID, data: LifeSituationUpdate
) -> LifeSituation:
    situation = await get_life_situation(session, situation_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        if field == "title" and value is None:
            raise UnprocessableEntity.for_field("title", "Cannot be null", type_="null")
        setattr(situation, field, value)
    await session.flush()
    return situation


async def check_agency_writable(
    session: AsyncSession, principal: Principal, agency_id: uuid.UUID, *, field: str
) -> None:
    if not principal.sees_agency(agency_id):
        raise Forbidden(f"This key may not act for agency {agency_id}")
    if await agencies.get(session, agency_id) is None:
        raise UnprocessableEntity.for_field(
            field, f"Agency {agency_id} does not exist", type_="not_found"
        )


async def _life_situations(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[LifeSituation]:
    found = await repository.life_situations_by_id(session, ids)
    for index, situation_id in enumerate(ids):
        if situation_id not in found:
            raise UnprocessableEntity.for_field(
                f"life_situation_ids.{index}",
                f"Life situation {situation_id} does not exist",
                type_="not_found",
            )
    return [found[i] for i in dict.fromkeys(ids)]


async def _check_register_number(
    session: AsyncSession, number: str | None, except_id: uuid.UUID | None = None
) -> None:
    if not number:
        return
    taken = await repository.taken_register_numbers(session, [number], except_id=except_id)
    if number in taken:
        raise Duplicate.of("register_number", f"Register number {number}", taken[number])


def service_event(service: StateService) -> ServiceUpserted:
    payload = ServicePayload(
        service_id=service.id,
        agency_id=service.agency_id,
        title=service.title,
        register_number=service.register_number,
        direction=service.direction,
        stages=[Stage(s) for s in service.stages],
        life_situation_ids=[s.id for s in service.life_situations],
        retired=service.retired_at is not None,
    )
    return ServiceUpserted(**new_event_fields(PRODUCER), payload=payload)


async def _reload(session: AsyncSession, service_id: uuid.UUID) -> StateService:
    service = await repository.get_service(session, service_id)
    assert service is not None
    return service


async def create_service(
    session: AsyncSession, principal: Principal, data: ServiceCreate
) -> StateService:
    await check_agency_writable(session, principal, data.agency_id, field="agency_id")
    situations = await _life_situations(session, data.life_situation_ids)
    await _check_register_number(session, data.register_number)
    await integrity.check_title(session, agency_id=data.agency_id, title=data.title)
    service = StateService(
        **data.model_dump(exclude={"life_situation_ids", "stages"}),
        stages=[s.value for s in data.stages],
        life_situations=situations,
    )
    session.add(service)
    await session.flush()
    service = await _reload(session, service.id)
    await publish(session, outbox, service_event(service))
    return service


async def get_visible_service(
    session: AsyncSession, principal: Principal, service_id: uuid.UUID
) -> StateService:
    service = await repository.get_service(session, service_id)
    if service is None or not principal.sees_agency(service.agency_id):
        raise NotFound(f"Service {service_id} not found")
    return service


async def update_service(
    session: AsyncSession, principal: Principal, service_id: uuid.UUID, data: ServiceUpdate
) -> StateService:
    service = await get_visible_service(session, principal, service_id)
    changes = data.model_dump(exclude_unset=True)
    for required in ("title", "direction", "stages", "life_situation_ids"):
        if required in changes and changes[required] is None:
            raise UnprocessableEntity.for_field(required, "Cannot be null", type_="null")
    if "register_number" in changes:
        await _check_register_number(session, changes["register_number"], service.id)
    if "title" in changes:
        await integrity.check_title(
            session, agency_id=service.agency_id, title=changes["title"], own_id=service.id
        )
    if "life_situation_ids" in changes:
        service.life_situations = await _life_situations(session, changes.pop("life_situation_ids"))
    if "stages" in changes:
        service.stages = [Stage(s).value for s in changes.pop("stages")]
    for field, value in changes.items():
        setattr(service, field, value)
    if service.internal_subkind is not None and service.direction != Direction.INTERNAL:
        raise UnprocessableEntity.for_field(
            "internal_subkind", "Only for direction `internal`", type_="invalid"
        )
    await session.flush()
    service = await _reload(session, service.id)
    await publish(session, outbox, service_event(service))
    return service


async def retire_service(
    session: AsyncSession, principal: Principal, service_id: uuid.UUID
) -> StateService:
    service = await get_visible_service(session, principal, service_id)
    if service.retired_at is None:
        service.retired_at = datetime.now(UTC)
        await session.flush()
        service = await _reload(session, service.id)
        await publish(session, outbox, service_event(service))
    return service
