"""Group commit: the feedback posted within a few milliseconds share one transaction.

Each request waits for the commit of the batch it joined, so a 201 always means durable: the
feedback row, its outbox event and its idempotency key are in the same committed transaction.
Up to `concurrency` batches are written at once; while they are, new submissions gather into
the next batch, so batches grow with load and a lone request waits only `wait_ms`.
"""

import asyncio
import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from feedback_api.answers.links import AnswerLinks
from feedback_api.crypto import SecretBox
from feedback_api.ingest.batch_writer import BatchWriter
from feedback_api.ingest.connections import OUTAGES
from feedback_api.ingest.submission import Outcome, Submission
from otklik_kit.errors import ServiceUnavailable
from otklik_kit.observability.metrics import INGEST_BATCH_SIZE

logger = logging.getLogger("otklik.ingest")


class IngestBatcher:
    def __init__(
        self,
        engine: AsyncEngine,
        box: SecretBox,
        *,
        default_due_days: int,
        clock_skew: timedelta,
        links: AnswerLinks,
        max_batch: int,
        wait_ms: float,
        concurrency: int,
    ) -> None:
        self._writer = BatchWriter(
            engine, box, default_due_days=default_due_days, clock_skew=clock_skew, links=links
        )
        self._max_batch = max_batch
        self._wait = wait_ms / 1000
        self._slots = asyncio.Semaphore(concurrency)
        self._pending: list[Submission] = []
        self._wakeup = asyncio.Event()
        self._flushes: set[asyncio.Task[None]] = set()
        self._loop_task: asyncio.Task[None] | None = None
        # idempotency keys of submissions not yet committed
        self._in_flight: set[tuple[uuid.UUID, str]] = set()

    def start(self) -> None:
        self._loop_task = asyncio.create_task(self._run(), name="ingest-batcher")

    async def stop(self) -> None:
        """Writes what was submitted, then stops."""
        while self._pending or self._flushes:
            self._wakeup.set()
            await asyncio.sleep(self._wait or 0.001)
            if self._flushes:
                await asyncio.gather(*self._flushes, return_exceptions=True)
        if self._loop_task is not None:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
        await self._writer.close()

    def in_flight(self, submission: Submission) -> bool:
        """Whether another submission with the same idempotency key is being written."""
        return submission.idempotency_slot in self._in_flight

    def submit(self, submissions: Sequence[Submission]) -> None:
        for submission in submissions:
            slot = submission.idempotency_slot
            if slot is not None:
                self._in_flight.add(slot)
        self._pending.extend(submissions)
        self._wakeup.set()

    async def _run(self) -> None:
        while True:
            await self._wakeup.wait()
            await self._slots.acquire()
            if self._wait and len(self._pending) < self._max_batch:
                await asyncio.sleep(self._wait)
            batch = self._pending[: self._max_batch]
            del self._pending[: self._max_batch]
            if not self._pending:
                self._wakeup.clear()
            if not batch:
                self._slots.release()
                continue
            task = asyncio.create_task(self._flush(batch))
            self._flushes.add(task)
            task.add_done_callback(self._flushes.discard)

    async def _flush(self, batch: list[Submission]) -> None:
        INGEST_BATCH_SIZE.observe(len(batch))
        try:
            outcomes = await self._writer.write(batch)
        except OUTAGES as exc:
            # the database went away under the batch: 503, nothing was committed
            logger.warning("ingest batch not written: %s", type(exc).__name__)
            failure = Outcome(error=ServiceUnavailable("The database is unreachable; retry later"))
            outcomes = [failure] * len(batch)
        except Exception as exc:
            for submission in batch:
                if not submission.future.done():
                    submission.future.set_exception(exc)
            outcomes = []
        finally:
            for submission in batch:
                slot = submission.idempotency_slot
                if slot is not None:
                    self._in_flight.discard(slot)
            self._slots.release()
        for submission, outcome in zip(batch, outcomes, strict=False):
            if not submission.future.done():
                submission.future.set_result(outcome)
