"""The hot path's SQL: a whole batch of feedback in a few multi-row statements, one commit.

Raw asyncpg on the writer's own connections: the ORM costs a tenth of the throughput here
(docs/ARCHITECTURE.md, "Throughput facts"), and one statement per table per batch keeps round
trips few. The feedback rows and
their events go as one JSON array each, encoded by orjson and taken apart by
PostgreSQL's `json_to_recordset`: binding two dozen typed arrays cost the API process more CPU
per row (asyncpg encodes every element in Python objects) than everything else it does for a
row, and the database has a core to spare for it.
"""

import uuid
from typing import Any

import asyncpg
import orjson

from feedback_api.feedback.models import CRITERIA_COLUMNS

_CRITERIA = ", ".join(CRITERIA_COLUMNS.values())
_CRITERIA_TYPES = ", ".join(f"{column} smallint" for column in CRITERIA_COLUMNS.values())

INSERT_FEEDBACK = f"""
INSERT INTO feedback.feedback (
    id, received_at, agency_id, service_id, stage, channel, touchpoint_id, client_type,
    rating, {_CRITERIA}, comment, case_number, occurred_at, submitted_by, answer_requested,
    has_contact, needs_review, status, acknowledged_at, answer_due_at, answer_token_hash
)
SELECT id, received_at, agency_id, service_id, stage::feedback.stage, channel::feedback.channel,
       touchpoint_id, client_type::feedback.client_type, rating, {_CRITERIA}, comment,
       case_number, occurred_at, submitted_by, answer_requested, has_contact, needs_review,
       status::feedback.feedback_status, acknowledged_at, answer_due_at, answer_token_hash
  FROM json_to_recordset($1::json) AS t(
    id uuid, received_at timestamptz, agency_id uuid, service_id uuid, stage text,
    channel text, touchpoint_id uuid, client_type text, rating smallint, {_CRITERIA_TYPES},
    comment text, case_number text, occurred_at timestamptz, submitted_by uuid,
    answer_requested bool, has_contact bool, needs_review bool, status text,
    acknowledged_at timestamptz, answer_due_at timestamptz, answer_token_hash text
  )
"""

INSERT_CONTACTS = """
INSERT INTO feedback.contacts (feedback_id, agency_id, ciphertext)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bytea[])
"""

# an event: event_id, queue, type, occurred_at, producer and its payload (a JSON object)
INSERT_OUTBOX = """
INSERT INTO feedback.outbox (event_id, queue, type, version, occurred_at, producer, payload)
SELECT event_id, queue, type, 1, occurred_at, producer, payload
  FROM json_to_recordset($1::json) AS t(
    event_id uuid, queue text, type text, occurred_at timestamptz, producer text, payload jsonb
  )
"""

# Sorted, so two batches sharing keys take their locks in the same order (no deadlock). Answers
# the keys another request already holds (usually none), not the many it claimed.
CLAIM_IDEMPOTENCY_KEYS = """
WITH wanted AS (
  SELECT * FROM json_to_recordset($1::json) AS t(
    api_key_id uuid, key text, request_hash text, feedback_id uuid, response text
  )
), claimed AS (
  INSERT INTO feedback.idempotency_keys (api_key_id, key, request_hash, feedback_id, response)
  SELECT api_key_id, key, request_hash, feedback_id, response FROM wanted ORDER BY 1, 2
  ON CONFLICT DO NOTHING
  RETURNING api_key_id, key
)
SELECT w.api_key_id, w.key
  FROM wanted w LEFT JOIN claimed c ON c.api_key_id = w.api_key_id AND c.key = w.key
 WHERE c.key IS NULL
"""

FIND_IDEMPOTENCY_KEYS = """
SELECT k.api_key_id, k.key, k.request_hash, k.response
  FROM feedback.idempotency_keys k
  JOIN unnest($1::uuid[], $2::text[]) AS wanted(api_key_id, key)
    ON k.api_key_id = wanted.api_key_id AND k.key = wanted.key
"""


async def claim_idempotency_keys(
    connection: asyncpg.Connection, keys: list[dict[str, Any]]
) -> set[tuple[uuid.UUID, str]]:
    """Claims the keys (rows keyed by the idempotency_keys columns); returns those already
    taken by earlier requests."""
    rows = await connection.fetch(CLAIM_IDEMPOTENCY_KEYS, _json(keys))
    return {(row["api_key_id"], row["key"]) for row in rows}


async def find_idempotency_keys(
    connection: asyncpg.Connection, wanted: list[tuple[uuid.UUID, str]]
) -> dict[tuple[uuid.UUID, str], tuple[str, str]]:
    """(api key, idempotency key) → (request hash, stored response)."""
    rows = await connection.fetch(
        FIND_IDEMPOTENCY_KEYS, [w[0] for w in wanted], [w[1] for w in wanted]
    )
    return {(r["api_key_id"], r["key"]): (r["request_hash"], r["response"]) for r in rows}


def _json(rows: list[dict[str, Any]]) -> str:
    # ids read from the database are asyncpg's own UUID type, which orjson leaves to `default`
    return orjson.dumps(rows, default=str).decode()


async def insert_batch(
    connection: asyncpg.Connection,
    feedback: list[dict[str, Any]],
    contacts: tuple[list[uuid.UUID], list[uuid.UUID], list[bytes]],
    events: list[dict[str, Any]],
) -> None:
    """`feedback` and `events`: rows keyed by the columns of INSERT_FEEDBACK and INSERT_OUTBOX."""
    await connection.execute(INSERT_FEEDBACK, _json(feedback))
    if contacts[0]:
        await connection.execute(INSERT_CONTACTS, *contacts)
    await connection.execute(INSERT_OUTBOX, _json(events))
