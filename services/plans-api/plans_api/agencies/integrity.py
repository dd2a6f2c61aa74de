"""The agency hierarchy stays a tree that goes down in level, and names stay unambiguous.

Names are unique among agencies of the same level, parent and region, compared ignoring case,
spacing and «ё». That is checked in code under an advisory lock, not by a unique index: existing
databases may hold such duplicates, and a unique index would make their migration fail.
"""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.db import lock_for_transaction
from otklik_kit.errors import Duplicate, UnprocessableEntity
from otklik_shared.vocab import AgencyLevel
from plans_api.agencies import repository

# a lower rank is a higher body: a body may only be under one of the same or a higher level
LEVEL_RANK = {AgencyLevel.FEDERAL: 0, AgencyLevel.REGIONAL: 1, AgencyLevel.MUNICIPAL: 2}


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold().replace("ё", "е")


async def check_parent(
    session: AsyncSession,
    *,
    parent_id: uuid.UUID | None,
    level: AgencyLevel,
    own_id: uuid.UUID | None = None,
) -> None:
    if parent_id is None:
        return
    if parent_id == own_id:
        raise UnprocessableEntity.for_field(
            "parent_id", "An agency cannot be its own parent", type_="cycle"
        )
    parent = await repository.get(session, parent_id)
    if parent is None:
        raise UnprocessableEntity.for_field(
            "parent_id", f"Agency {parent_id} does not exist", type_="not_found"
        )
    if own_id is not None and own_id in await repository.ancestor_ids(session, parent_id):
        raise UnprocessableEntity.for_field(
            "parent_id",
            f"Agency {parent_id} is already under this agency: the hierarchy would be a cycle",
            type_="cycle",
        )
    if LEVEL_RANK[parent.level] > LEVEL_RANK[level]:
        raise UnprocessableEntity.for_field(
            "parent_id",
            f"A {level} agency cannot be under a {parent.level} one ({parent_id})",
            type_="level_order",
        )


async def check_children(
    session: AsyncSession, *, agency_id: uuid.UUID, level: AgencyLevel
) -> None:
    """A level change must not leave a child above its parent."""
    higher = [
        c
        for c in await repository.child_levels(session, agency_id)
        if LEVEL_RANK[c] < LEVEL_RANK[level]
    ]
    if higher:
        raise UnprocessableEntity.for_field(
            "level",
            f"The agency has {higher[0]} agencies under it; it cannot become {level}",
            type_="level_order",
        )


async def check_name(
    session: AsyncSession,
    *,
    name: str,
    level: AgencyLevel,
    parent_id: uuid.UUID | None,
    region_code: str | None,
    own_id: uuid.UUID | None = None,
) -> None:
    await lock_for_transaction(session, f"plans.agency-name:{level}:{parent_id}:{region_code}")
    key = name_key(name)
    scope = await repository.names_in_scope(
        session, level=level, parent_id=parent_id, region_code=region_code
    )
    for existing_id, existing in scope:
        if existing_id != own_id and name_key(existing) == key:
            raise Duplicate.of("name", f"Agency {name!r}", existing_id)
