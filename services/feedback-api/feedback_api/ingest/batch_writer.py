"""Writing one batch: catalog check, idempotency keys, then feedback, contacts and events."""

import json
import uuid
from datetime import timedelta
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

from feedback_api.answers.links import AnswerLinks
from feedback_api.crypto import SecretBox
from feedback_api.database import PRODUCER
from feedback_api.feedback.models import CRITERIA_COLUMNS
from feedback_api.feedback.schemas import FeedbackReceipt
from feedback_api.ingest import writer
from feedback_api.ingest.catalog_lookup import CatalogSnapshot, load_snapshot
from feedback_api.ingest.connections import OUTAGES, WriterConnections
from feedback_api.ingest.rules import PreparedFeedback, RuleViolation, criteria_values, prepare
from feedback_api.ingest.submission import Outcome, Submission
from otklik_kit.errors import UnprocessableEntity
from otklik_shared.events import ROUTES, queue_name

EVENT_TYPE = "feedback.received"
EVENT_QUEUES = tuple(queue_name(consumer) for consumer in ROUTES[EVENT_TYPE])
DEADLOCK_RETRIES = 2
CRITERIA_KEYS = tuple(CRITERIA_COLUMNS.values())


def reused_key_error(prefix: str) -> UnprocessableEntity:
    field = f"{prefix}idempotency_key" if prefix else "Idempotency-Key"
    return UnprocessableEntity.for_field(
        field,
        "this idempotency key was already used with a different request body",
        type_="idempotency_key_reused",
        location="body" if prefix else "header",
    )


class BatchWriter:
    def __init__(
        self,
        engine: AsyncEngine,
        box: SecretBox,
        *,
        default_due_days: int,
        clock_skew: timedelta,
        links: AnswerLinks,
    ) -> None:
        self._connections = WriterConnections(engine)
        self._box = box
        self._default_due_days = default_due_days
        self._clock_skew = clock_skew
        self._links = links

    async def close(self) -> None:
        await self._connections.close()

    async def write(self, batch: list[Submission]) -> list[Outcome]:
        connection = await self._connections.acquire()
        try:
            try:
                snapshot = await self._snapshot(connection, batch)
            except OUTAGES:
                # held since an earlier batch, it may have died with a restarted server; nothing
                # is written yet, so try once more on a new connection
                self._connections.discard(connection, with_idle=True)
                connection = await self._connections.acquire()
                snapshot = await self._snapshot(connection, batch)
            outcomes = await self._write(connection, batch, snapshot)
        except BaseException:
            # a connection in an unknown state is never used again
            self._connections.discard(connection)
            raise
        self._connections.release(connection)
        return outcomes

    async def _snapshot(
        self, connection: asyncpg.Connection, batch: list[Submission]
    ) -> CatalogSnapshot:
        return await load_snapshot(
            connection,
            service_ids=(s.data.service_id for s in batch if s.data.service_id),
            agency_ids=(s.data.agency_id for s in batch if s.data.agency_id),
            touchpoint_ids=(s.data.touchpoint_id for s in batch if s.data.touchpoint_id),
        )

    async def _write(
        self, connection: asyncpg.Connection, batch: list[Submission], snapshot: CatalogSnapshot
    ) -> list[Outcome]:
        outcomes: list[Outcome | None] = [None] * len(batch)
        accepted: list[tuple[int, PreparedFeedback]] = []
        for index, submission in enumerate(batch):
            try:
                accepted.append((index, self._prepare(submission, snapshot)))
            except RuleViolation as violation:
                error = violation.field_error(submission.field_prefix)
                outcomes[index] = Outcome(
                    error=UnprocessableEntity(
                        f"{error.location}.{error.field}: {error.message}", errors=[error]
                    )
                )
        for attempt in range(DEADLOCK_RETRIES + 1):
            try:
                async with connection.transaction():
                    written = await self._insert(connection, batch, accepted)
                break
            except asyncpg.DeadlockDetectedError:
                if attempt == DEADLOCK_RETRIES:
                    raise
        for index, outcome in written.items():
            outcomes[index] = outcome
        return [outcome or Outcome() for outcome in outcomes]

    def _prepare(self, submission: Submission, snapshot: CatalogSnapshot) -> PreparedFeedback:
        return prepare(
            submission.data,
            feedback_id=submission.feedback_id,
            received_at=submission.received_at,
            principal=submission.principal,
            snapshot=snapshot,
            default_due_days=self._default_due_days,
            clock_skew=self._clock_skew,
            links=self._links,
        )

    async def _insert(
        self,
        connection: asyncpg.Connection,
        batch: list[Submission],
        accepted: list[tuple[int, PreparedFeedback]],
    ) -> dict[int, Outcome]:
        outcomes: dict[int, Outcome] = {}
        to_insert = await self._claim_keys(connection, batch, accepted, outcomes)
        if not to_insert:
            return outcomes
        rows: list[dict[str, Any]] = []
        contacts: tuple[list[uuid.UUID], list[uuid.UUID], list[bytes]] = ([], [], [])
        events: list[dict[str, Any]] = []
        for index, prepared in to_insert:
            submission = batch[index]
            data = submission.data
            row = {
                "id": prepared.id,
                "received_at": prepared.received_at,
                "agency_id": prepared.agency_id,
                "service_id": data.service_id,
                "stage": data.stage,
                "channel": data.channel,
                "touchpoint_id": data.touchpoint_id,
                "client_type": data.client_type,
                "rating": data.rating,
                "comment": data.comment,
                "case_number": data.case_number,
                "occurred_at": prepared.occurred_at,
                "submitted_by": submission.principal.key_id,
                "answer_requested": data.answer_requested,
                "has_contact": data.contact is not None,
                "needs_review": prepared.needs_review,
                "status": prepared.status,
                "acknowledged_at": prepared.received_at if prepared.needs_review else None,
                "answer_due_at": prepared.answer_due_at,
                "answer_token_hash": prepared.answer_token_hash,
            }
            row.update(zip(CRITERIA_KEYS, criteria_values(data), strict=True))
            rows.append(row)
            if data.contact is not None:
                contacts[0].append(prepared.id)
                contacts[1].append(prepared.agency_id)
                contacts[2].append(self._box.seal(data.contact.model_dump_json().encode()))
            payload = prepared.event_payload(data)
            for queue in EVENT_QUEUES:
                events.append(
                    {
                        # the event's id is the feedback's: a consumer that rebuilt its counts
                        # from feedback-api's export can tell which events it already counted
                        "event_id": prepared.id,
                        "queue": queue,
                        "type": EVENT_TYPE,
                        "occurred_at": prepared.received_at,
                        "producer": PRODUCER,
                        "payload": payload,
                    }
                )
            outcomes[index] = Outcome(receipt=prepared.receipt)
        await writer.insert_batch(connection, rows, contacts, events)
        return outcomes

    def _replayed_receipt(self, kept: str) -> FeedbackReceipt:
        receipt = FeedbackReceipt.model_validate(json.loads(kept))
        if receipt.answer_url is None:  # kept before receipts had one
            return receipt
        return receipt.model_copy(update={"answer_url": self._links.unmask_url(receipt.answer_url)})

    async def _claim_keys(
        self,
        connection: asyncpg.Connection,
        batch: list[Submission],
        accepted: list[tuple[int, PreparedFeedback]],
        outcomes: dict[int, Outcome],
    ) -> list[tuple[int, PreparedFeedback]]:
        """Claims the idempotency keys of the batch; a key already used answers with its
        stored receipt (same body) or a 422 (another body). Returns what is left to insert."""
        keyed = [(i, p) for i, p in accepted if batch[i].idempotency_key is not None]
        if not keyed:
            return accepted
        keys = []
        for index, prepared in keyed:
            submission = batch[index]
            keys.append(
                {
                    "api_key_id": submission.principal.key_id,
                    "key": submission.idempotency_key,
                    "request_hash": submission.request_hash,
                    "feedback_id": prepared.id,
                    # the private link only masked (answers/links.py)
                    "response": prepared.receipt.model_dump_json().replace(
                        prepared.answer_token, self._links.mask(prepared.answer_token)
                    ),
                }
            )
        held = await writer.claim_idempotency_keys(connection, keys)
        taken = [(i, p) for i, p in keyed if batch[i].idempotency_slot in held]
        if not taken:
            return accepted
        stored = await writer.find_idempotency_keys(
            connection, [slot for i, _ in taken if (slot := batch[i].idempotency_slot)]
        )
        for index, _ in taken:
            submission = batch[index]
            request_hash, response = stored[submission.idempotency_slot]  # type: ignore[index]
            if request_hash == submission.request_hash:
                receipt = self._replayed_receipt(response)
                outcomes[index] = Outcome(receipt=receipt, replayed=True)
            else:
                outcomes[index] = Outcome(error=reused_key_error(submission.field_prefix))
        skipped = {index for index, _ in taken}
        return [(i, p) for i, p in accepted if i not in skipped]
