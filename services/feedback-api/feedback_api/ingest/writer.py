"""The hot path's SQL: a whole batch of feedback in a few multi-row statements, one commit.

Raw asyncpg on a connection of the service's SQLAlchemy pool: the ORM costs a tenth of the
throughput here (DESIGN.md), and one statement per table per batch keeps round trips few.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

import asyncpg

from feedback_api.feedback.models import CRITERIA_COLUMNS

_CRITERIA = ", ".join(CRITERIA_COLUMNS.values())
_CRITERIA_ARRAYS = ", ".join(f"${n}::smallint[]" for n in range(10, 15))

INSERT_FEEDBACK = f"""
INSERT INTO feedback.feedback (
    id, received_at, agency_id, service_id, stage, channel, touchpoint_id, client_type,
    rating, {_CRITERIA}, comment, case_number, occurred_at, submitted_by, answer_requested,
    has_contact, needs_review, status, acknowledged_at, answer_due_at
)
SELECT id, received_at, agency_id, service_id, stage::feedback.stage, channel::feedback.channel,
       touchpoint_id, client_type::feedback.client_type, rating, {_CRITERIA}, comment,
       case_number, occurred_at, submitted_by, answer_requested, has_contact, needs_review,
       status::feedback.feedback_status, acknowledged_at, answer_due_at
  FROM unnest(
    $1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[],
    $8::text[], $9::smallint[], {_CRITERIA_ARRAYS}, $15::text[], $16::text[],
    $17::timestamptz[], $18::uuid[], $19::bool[], $20::bool[], $21::bool[], $22::text[],
    $23::timestamptz[], $24::timestamptz[]
  ) AS t(
    id, received_at, agency_id, service_id, stage, channel, touchpoint_id, client_type,
    rating, {_CRITERIA}, comment, case_number, occurred_at, submitted_by, answer_requested,
    has_contact, needs_review, status, acknowledged_at, answer_due_at
  )
"""

INSERT_CONTACTS = """
INSERT INTO feedback.contacts (feedback_id, agency_id, ciphertext)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bytea[])
"""

INSERT_OUTBOX = """
INSERT INTO feedback.outbox (event_id, queue, type, version, occurred_at, producer, payload)
SELECT event_id, queue, type, 1, occurred_at, producer, payload
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])
    AS t(event_id, queue, type, occurred_at, producer, payload)
"""

# Sorted, so two batches sharing keys take their locks in the same order (no deadlock).
CLAIM_IDEMPOTENCY_KEYS = """
INSERT INTO feedback.idempotency_keys (api_key_id, key, request_hash, feedback_id, response)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[])
 ORDER BY 1, 2
ON CONFLICT DO NOTHING
RETURNING api_key_id, key
"""

FIND_IDEMPOTENCY_KEYS = """
SELECT k.api_key_id, k.key, k.request_hash, k.response
  FROM feedback.idempotency_keys k
  JOIN unnest($1::uuid[], $2::text[]) AS wanted(api_key_id, key)
    ON k.api_key_id = wanted.api_key_id AND k.key = wanted.key
"""


@dataclass(slots=True)
class Columns:
    """The feedback rows of a batch, column by column, as unnest() takes them."""

    id: list[uuid.UUID] = field(default_factory=list)
    received_at: list[datetime] = field(default_factory=list)
    agency_id: list[uuid.UUID] = field(default_factory=list)
    service_id: list[uuid.UUID | None] = field(default_factory=list)
    stage: list[str | None] = field(default_factory=list)
    channel: list[str] = field(default_factory=list)
    touchpoint_id: list[uuid.UUID | None] = field(default_factory=list)
    client_type: list[str] = field(default_factory=list)
    rating: list[int] = field(default_factory=list)
    criteria: list[list[int | None]] = field(
        default_factory=lambda: [[] for _ in CRITERIA_COLUMNS]
    )  # one list per criterion column
    comment: list[str | None] = field(default_factory=list)
    case_number: list[str | None] = field(default_factory=list)
    occurred_at: list[datetime] = field(default_factory=list)
    submitted_by: list[uuid.UUID] = field(default_factory=list)
    answer_requested: list[bool] = field(default_factory=list)
    has_contact: list[bool] = field(default_factory=list)
    needs_review: list[bool] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    acknowledged_at: list[datetime | None] = field(default_factory=list)
    answer_due_at: list[datetime | None] = field(default_factory=list)

    def arguments(self) -> list[object]:
        return [
            self.id,
            self.received_at,
            self.agency_id,
            self.service_id,
            self.stage,
            self.channel,
            self.touchpoint_id,
            self.client_type,
            self.rating,
            *self.criteria,
            self.comment,
            self.case_number,
            self.occurred_at,
            self.submitted_by,
            self.answer_requested,
            self.has_contact,
            self.needs_review,
            self.status,
            self.acknowledged_at,
            self.answer_due_at,
        ]


@dataclass(slots=True)
class OutboxColumns:
    event_id: list[uuid.UUID] = field(default_factory=list)
    queue: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    occurred_at: list[datetime] = field(default_factory=list)
    producer: list[str] = field(default_factory=list)
    payload: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IdempotencyColumns:
    api_key_id: list[uuid.UUID] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    request_hash: list[str] = field(default_factory=list)
    feedback_id: list[uuid.UUID] = field(default_factory=list)
    response: list[str] = field(default_factory=list)


async def claim_idempotency_keys(
    connection: asyncpg.Connection, keys: IdempotencyColumns
) -> set[tuple[uuid.UUID, str]]:
    rows = await connection.fetch(
        CLAIM_IDEMPOTENCY_KEYS,
        keys.api_key_id,
        keys.key,
        keys.request_hash,
        keys.feedback_id,
        keys.response,
    )
    return {(row["api_key_id"], row["key"]) for row in rows}


async def find_idempotency_keys(
    connection: asyncpg.Connection, wanted: list[tuple[uuid.UUID, str]]
) -> dict[tuple[uuid.UUID, str], tuple[str, str]]:
    """(api key, idempotency key) → (request hash, stored response)."""
    rows = await connection.fetch(
        FIND_IDEMPOTENCY_KEYS, [w[0] for w in wanted], [w[1] for w in wanted]
    )
    return {(r["api_key_id"], r["key"]): (r["request_hash"], r["response"]) for r in rows}


async def insert_batch(
    connection: asyncpg.Connection,
    feedback: Columns,
    contacts: tuple[list[uuid.UUID], list[uuid.UUID], list[bytes]],
    outbox: OutboxColumns,
) -> None:
    await connection.execute(INSERT_FEEDBACK, *feedback.arguments())
    if contacts[0]:
        await connection.execute(INSERT_CONTACTS, *contacts)
    await connection.execute(
        INSERT_OUTBOX,
        outbox.event_id,
        outbox.queue,
        outbox.type,
        outbox.occurred_at,
        outbox.producer,
        outbox.payload,
    )
