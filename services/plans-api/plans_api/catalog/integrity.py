"""A service's title is unique within its agency (ignoring case, spacing and «ё»).

Checked in code under an advisory lock rather than by a unique index, so that databases already
holding such duplicates still migrate; a retired service keeps its title taken.
"""

import uuid
from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.db import lock_for_transaction
from otklik_kit.errors import Duplicate
from plans_api.agencies.integrity import name_key
from plans_api.catalog import repository


async def taken_titles(
    session: AsyncSession, agency_ids: Iterable[uuid.UUID]
) -> dict[tuple[uuid.UUID, str], uuid.UUID]:
    """(agency, title key) → the id of the service holding it, for the given agencies."""
    taken: dict[tuple[uuid.UUID, str], uuid.UUID] = {}
    for agency_id in sorted(set(agency_ids)):
        await lock_for_transaction(session, f"plans.service-title:{agency_id}")
        for service_id, title in await repository.titles_of_agency(session, agency_id):
            taken.setdefault((agency_id, name_key(title)), service_id)
    return taken


async def check_title(
    session: AsyncSession, *, agency_id: uuid.UUID, title: str, own_id: uuid.UUID | None = None
) -> None:
    taken = await taken_titles(session, [agency_id])
    existing = taken.get((agency_id, name_key(title)))
    if existing is not None and existing != own_id:
        raise Duplicate.of("title", f"Service {title!r} of agency {agency_id}", existing)
