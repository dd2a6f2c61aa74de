"""Publishable keys: minted by an agency's operator for its portal widgets."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.policies.repository import agency_known
from feedback_api.widget.schemas import PublishableKeyCreated, PublishableKeyIn, PublishableKeyRead
from otklik_kit.auth import keys
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.models import ApiKey
from otklik_kit.auth.scopes import Scope
from otklik_kit.errors import NotFound, UnprocessableEntity

PUBLISH = frozenset({Scope.FEEDBACK_PUBLISH})


async def mint(
    session: AsyncSession, principal: Principal, data: PublishableKeyIn
) -> PublishableKeyCreated:
    agency_id = data.agency_id or principal.agency_id
    if agency_id is None:
        raise UnprocessableEntity.for_field(
            "agency_id", "A publishable key posts for one agency", type_="missing"
        )
    if not principal.sees_agency(agency_id) or not await agency_known(session, agency_id):
        raise UnprocessableEntity.for_field("agency_id", "Unknown agency", type_="unknown_agency")
    origins = sorted({origin.lower() for origin in data.origins})
    issued = await keys.issue_key(
        session, name=data.name, scopes=PUBLISH, agency_id=agency_id, origins=origins
    )
    key = await session.get(ApiKey, issued.id)
    assert key is not None
    await session.refresh(key)
    read = PublishableKeyRead.model_validate(key)
    return PublishableKeyCreated(**read.model_dump(by_alias=False), token=issued.token)


async def listing(session: AsyncSession, principal: Principal) -> list[PublishableKeyRead]:
    rows = await keys.publishable_keys(session, principal.agency_id)
    return [PublishableKeyRead.model_validate(row) for row in rows]


async def revoke(session: AsyncSession, principal: Principal, key_id: uuid.UUID) -> None:
    key = await session.get(ApiKey, key_id)
    if (
        key is None
        or key.allowed_origins is None
        or key.revoked_at is not None
        or not principal.sees_agency(key.agency_id)
    ):
        raise NotFound("No such publishable key")
    await keys.revoke_key(session, key_id)
