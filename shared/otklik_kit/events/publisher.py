"""Writing events: rows in the producer's outbox, in the same transaction as the change."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.events import ROUTES, EnvelopeBase, queue_name


def new_event_fields(producer: str) -> dict[str, Any]:
    return {"id": uuid.uuid4(), "occurred_at": datetime.now(UTC), "producer": producer}


def outbox_rows(event: EnvelopeBase) -> list[dict[str, Any]]:
    data = event.model_dump(mode="json")
    consumers = ROUTES.get(data["type"], ())
    return [
        {
            "event_id": event.id,
            "queue": queue_name(consumer),
            "type": data["type"],
            "version": event.version,
            "occurred_at": event.occurred_at,
            "producer": event.producer,
            "payload": data["payload"],
        }
        for consumer in consumers
    ]


async def publish(session: AsyncSession, outbox: Table, *events: EnvelopeBase) -> None:
    rows = [row for event in events for row in outbox_rows(event)]
    if rows:
        await session.execute(insert(outbox), rows)
