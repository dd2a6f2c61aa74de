"""Applying events exactly once: each event in its own transaction with its inbox record."""

import asyncio
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
# Applies many events of one type in one transaction (e.g. adding them into aggregates);
# it receives only the events not applied before.
BatchHandler = Callable[[AsyncSession, list[Any]], Awaitable[None]]


class EventConsumer:
    def __init__(
        self,
        *,
        name: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        inbox: Table,
        handlers: Mapping[str, Handler],
        batch_handlers: Mapping[str, BatchHandler] | None = None,
        time_limit_seconds: float | None = None,
    ) -> None:
        self.name = name
        self._sessionmaker = sessionmaker
        self._inbox = inbox
        self._handlers = dict(handlers)
        self._batch_handlers = dict(batch_handlers or {})
        self._time_limit = time_limit_seconds

    async def apply(self, event: Event) -> bool:
        """Applies one event; False when it was applied before (a duplicate delivery)."""
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

    async def apply_many(self, events: list[Event]) -> int:
        """Applies events of one type with a batch handler in one transaction; returns how many
        were new (the others were applied before and are skipped)."""
        event_type = events[0].type
        handler = self._batch_handlers[event_type]
        async with self._sessionmaker() as session, session.begin():
            # rows as parameters, not .values(): the statement is compiled once and cached,
            # where a VALUES list of a different length costs a fresh compile every time
            claimed = set(
                (
                    await session.scalars(
                        insert(self._inbox)
                        .on_conflict_do_nothing(index_elements=["event_id"])
                        .returning(self._inbox.c.event_id),
                        [{"event_id": e.id, "type": e.type} for e in events],
                    )
                ).all()
            )
            fresh = [event for event in events if event.id in claimed]
            if fresh:
                await handler(session, fresh)
        EVENTS_HANDLED.labels(self.name, event_type, "applied").inc(len(fresh))
        EVENTS_HANDLED.labels(self.name, event_type, "duplicate").inc(len(events) - len(fresh))
        return len(fresh)

    async def _apply_all(self, events: list[Event]) -> int:
        """In order; consecutive events of a type with a batch handler go together."""
        applied = 0
        run: list[Event] = []
        for event in [*events, None]:
            if run and (event is None or event.type != run[0].type):
                applied += await self.apply_many(run)
                run = []
            if event is None:
                break
            if event.type in self._batch_handlers:
                run.append(event)
            elif await self.apply(event):
                applied += 1
        return applied

    async def deliver(self, ctx: dict[str, Any], envelopes: list[dict[str, Any]]) -> int:
        """The arq job: a batch of envelopes from one outbox relay round.

        A failure, or a batch over its time limit, retries the whole batch with backoff; events
        already applied are skipped by the inbox. An event that cannot be parsed fails the job
        for good (retrying cannot help).
        """
        try:
            events = [parse_event(envelope) for envelope in envelopes]
        except ValidationError:
            logger.error("undecodable event in batch", extra={"consumer": self.name})
            raise
        try:
            async with asyncio.timeout(self._time_limit):
                return await self._apply_all(events)
        except Exception as exc:
            job_try = int(ctx.get("job_try", 1))
            logger.warning(
                "event batch failed, will retry: %s",
                type(exc).__name__,
                extra={"consumer": self.name, "job_try": job_try},
            )
            raise Retry(defer=min(2**job_try, RETRY_MAX_SECONDS)) from exc
