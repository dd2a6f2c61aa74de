"""Keeping a local copy of another service's records from its events."""

from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession


async def upsert_if_newer(
    session: AsyncSession,
    model: Any,
    key: Any,
    values: dict[str, Any],
    *,
    on_update: dict[str, Any] | None = None,
) -> None:
    """Inserts the copy of `key`, or updates it unless the stored one came from a later event:
    events may arrive out of order, and an older one must never overwrite a newer state.
    `values` carries `source_event_at`, the time of the event."""
    statement = insert(model).values(id=key, **values)
    statement = statement.on_conflict_do_update(
        index_elements=[model.id],
        set_={**values, **(on_update or {})},
        where=model.source_event_at <= values["source_event_at"],
    )
    await session.execute(statement)
