"""Applying events exactly once: each event in its own transaction with its inbox record."""

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from arq.worker import Retry
from pydantic import ValidationError
from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.observability.metrics import EVENTS_HANDLED
from otklik_shared.events import Event, parse_event

logger = logging.getLogger("otklik.events")

RETRY_MAX_SECONDS = 60
Handler = Callable[[AsyncSession, Any], Awaitable[None]]


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        inbox: Table,
        handlers: Mapping[str, Handler],
    ) -> None:
        self.name = name
        self._sessionmaker = sessionmaker
        self._inbox = inbox
        self._handlers = dict(handlers)

    async def apply(self, envelope: dict[str, Any]) -> bool:
        """Applies one event; False when it was applied before (a duplicate delivery)."""
        event: Event = parse_event(envelope)
        handler = self._handlers.get(event.type)
        async with self._sessionmaker() as session, session.begin():
            claimed = await session.scalar(
                insert(self._inbox)
                .values(event_id=event.id, type=event.type)
                .on_conflict_do_nothing(index_elements=["event_id"])
                .returning(self._inbox.c.event_id)
            )
            if claimed is None:
                EVENTS_HANDLED.labels(self.name, event.type, "duplicate").inc()
                return False
            if handler is not None:
                await handler(session, event)
        EVENTS_HANDLED.labels(self.name, event.type, "applied" if handler else "ignored").inc()
        return True

    async def deliver(self, ctx: dict[str, Any], envelopes: list[dict[str, Any]]) -> int:
        """The arq job: a batch of envelopes from one outbox relay round.

        A failure retries the whole batch with backoff; events already applied are skipped by
        the inbox. An event that cannot be parsed fails the job for good (retrying cannot help).
        """
        applied = 0
        try:
            for envelope in envelopes:
                if await self.apply(envelope):
                    applied += 1
        except ValidationError:
            logger.error("undecodable event in batch", extra={"consumer": self.name})
            raise
        except Exception as exc:
            job_try = int(ctx.get("job_try", 1))
            logger.warning(
                "event batch failed, will retry: %s",
                type(exc).__name__,
                extra={"consumer": self.name, "job_try": job_try},
            )
            raise Retry(defer=min(2**job_try, RETRY_MAX_SECONDS)) from exc
        return applied
