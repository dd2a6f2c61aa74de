"""Moves outbox rows to Redis and watches them until a consumer completed them.

The relay claims unsent rows with FOR UPDATE SKIP LOCKED (safe with many API replicas), enqueues
them as one arq job per batch and marks them sent in the same transaction; if it dies after the
enqueue and before the commit, the rows are sent again and the consumer's inbox drops the copy.
The sweeper asks arq about batches sent a while ago: complete → done; unknown to Redis (restarted
without persistence) → enqueued again under the same job id.
"""

import asyncio
import hashlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from arq.connections import ArqRedis
from arq.jobs import Job, JobStatus
from sqlalchemy import ColumnElement, Row, Select, Table, Text, cast, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_kit.events.transport import EVENTS_JOB, EncodedList, deserialize_job
from otklik_kit.observability.metrics import OUTBOX_PENDING, OUTBOX_REENQUEUED, OUTBOX_RELAYED

logger = logging.getLogger("otklik.outbox")

BATCH_SIZE = 500
COMPLETED_RETENTION = timedelta(days=7)


def _envelope_json(t: Table) -> ColumnElement[str]:
    """An event's envelope as JSON text, built by PostgreSQL: its payload goes to Redis as it is
    stored, never decoded and encoded again in the API process (a third of the relay's CPU)."""
    envelope = func.json_build_object(
        "id",
        t.c.event_id,
        "type",
        t.c.type,
        "version",
        t.c.version,
        "occurred_at",
        t.c.occurred_at,
        "producer",
        t.c.producer,
        "payload",
        t.c.payload,
    )
    return cast(envelope, Text).label("envelope")


def _sendable(t: Table) -> Select[Any]:
    return select(t.c.seq, t.c.queue, t.c.event_id, _envelope_json(t))


def batch_job_id(queue: str, event_ids: Sequence[str]) -> str:
    """The arq job id of a batch: the same events always give the same id.

    arq ids are global across queues, so the queue is part of it; the digest tells apart two
    batches that start with the same event (one re-sent after a crash with more rows behind it).
    """
    digest = hashlib.sha256(",".join(event_ids).encode()).hexdigest()[:12]
    return f"{queue}:{event_ids[0]}:{digest}"


class OutboxRelay:
    def __init__(
        self,
        *,
        service: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        outbox: Table,
        redis: ArqRedis,
        poll_seconds: float = 0.1,
        sweep_seconds: float = 30.0,
        stale_seconds: float = 60.0,
        test_hook_pause_after_enqueue: float = 0,
    ) -> None:
        self.service = service
        self._sessionmaker = sessionmaker
        self._outbox = outbox
        self._redis = redis
        self._poll_seconds = poll_seconds
        self._sweep_seconds = sweep_seconds
        self._stale = timedelta(seconds=stale_seconds)
        self._test_hook_pause = test_hook_pause_after_enqueue

    async def relay_once(self) -> int:
        """Sends one round of batches; returns how many events were handed to Redis."""
        t = self._outbox
        async with self._sessionmaker() as session, session.begin():
            rows = (
                await session.execute(
                    _sendable(t)
                    .where(t.c.sent_at.is_(None))
                    .order_by(t.c.seq)
                    .limit(BATCH_SIZE)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return 0
            by_queue: dict[str, list[Row[Any]]] = defaultdict(list)
            for row in rows:
                by_queue[row.queue].append(row)
            now = datetime.now(UTC)
            for queue, queue_rows in by_queue.items():
                job_id = batch_job_id(queue, [str(r.event_id) for r in queue_rows])
                await self._enqueue(queue, job_id, queue_rows)
                if self._test_hook_pause:
                    await asyncio.sleep(self._test_hook_pause)
                await session.execute(
                    update(t)
                    .where(t.c.seq.in_([r.seq for r in queue_rows]))
                    .values(sent_at=now, batch_id=job_id, send_count=t.c.send_count + 1)
                )
                OUTBOX_RELAYED.labels(self.service, queue).inc(len(queue_rows))
            return len(rows)

    async def _enqueue(self, queue: str, job_id: str, rows: Sequence[Row[Any]]) -> None:
        envelopes = EncodedList(row.envelope for row in rows)
        await self._redis.enqueue_job(EVENTS_JOB, envelopes, _job_id=job_id, _queue_name=queue)

    async def sweep_once(self) -> int:
        """Settles batches sent a while ago; returns how many batches were re-enqueued."""
        t = self._outbox
        cutoff = datetime.now(UTC) - self._stale
        resent = 0
        async with self._sessionmaker() as session, session.begin():
            batch_ids = (
                await session.scalars(
                    select(t.c.batch_id)
                    .where(
                        t.c.sent_at < cutoff,
                        t.c.completed_at.is_(None),
                        t.c.failed_at.is_(None),
                    )
                    .group_by(t.c.batch_id)
                    .limit(200)
                )
            ).all()
            for batch_id in batch_ids:
                if batch_id is not None and await self._settle(session, batch_id):
                    resent += 1
            await session.execute(
                delete(t).where(t.c.completed_at < datetime.now(UTC) - COMPLETED_RETENTION)
            )
            pending = await session.scalar(
                select(func.count()).select_from(t).where(t.c.sent_at.is_(None))
            )
            OUTBOX_PENDING.labels(self.service).set(pending or 0)
        return resent

    async def _settle(self, session: AsyncSession, batch_id: str) -> bool:
        t = self._outbox
        job = Job(batch_id, self._redis, _deserializer=deserialize_job)
        status = await job.status()
        now = datetime.now(UTC)
        in_batch = (t.c.batch_id == batch_id) & t.c.completed_at.is_(None)
        if status == JobStatus.complete:
            info = await job.result_info()
            if info is not None and not info.success:
                logger.error("event batch failed for good", extra={"batch_id": batch_id})
                await session.execute(update(t).where(in_batch).values(failed_at=now))
            else:
                await session.execute(update(t).where(in_batch).values(completed_at=now))
            return False
        if status != JobStatus.not_found:
            return False
        rows = (
            await session.execute(
                _sendable(t).where(in_batch).order_by(t.c.seq).with_for_update(skip_locked=True)
            )
        ).all()
        if not rows:
            return False
        await self._enqueue(rows[0].queue, batch_id, rows)
        await session.execute(
            update(t).where(in_batch).values(sent_at=now, send_count=t.c.send_count + 1)
        )
        OUTBOX_REENQUEUED.labels(self.service).inc()
        logger.warning("re-enqueued a lost event batch", extra={"batch_id": batch_id})
        return True

    async def run_relay(self) -> None:
        backoff = self._poll_seconds
        while True:
            try:
                sent = await self.relay_once()
                backoff = self._poll_seconds
                if sent < BATCH_SIZE:
                    await asyncio.sleep(self._poll_seconds)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("outbox relay paused: %s", type(exc).__name__)
                backoff = min(backoff * 2 if backoff >= 0.5 else 0.5, 10.0)
                await asyncio.sleep(backoff)

    async def run_sweeper(self) -> None:
        while True:
            await asyncio.sleep(self._sweep_seconds)
            try:
                await self.sweep_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                logger.warning("outbox sweep failed: %s", type(exc).__name__)
