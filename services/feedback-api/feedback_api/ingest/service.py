"""Accepting feedback: one at a time or in batches, idempotent, through the group commit."""

import asyncio
import hashlib

from pydantic import ValidationError

from feedback_api.feedback.schemas import FeedbackCreate
from feedback_api.ingest.batcher import IngestBatcher
from feedback_api.ingest.schemas import BATCH_ITEM, BatchItemResult, BatchReport, FeedbackBatch
from feedback_api.ingest.submission import Outcome, Submission
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict, DomainError, UnprocessableEntity
from otklik_kit.ids import ms_to_datetime, now_ms, uuid7
from otklik_kit.observability.metrics import INGEST_ACCEPTED
from otklik_kit.problems import field_errors
from otklik_shared.problem import Problem

ACCEPTED = {label: INGEST_ACCEPTED.labels(label) for label in ("created", "replayed", "rejected")}


def request_hash(data: FeedbackCreate) -> str:
    """The same for any two bodies that validate to the same feedback: the models have no free
    keys, so their JSON dump is canonical (fields in declaration order)."""
    canonical = data.model_dump_json(exclude={"idempotency_key"})
    return hashlib.sha256(canonical.encode()).hexdigest()


def new_submission(
    data: FeedbackCreate, principal: Principal, idempotency_key: str | None, prefix: str = ""
) -> Submission:
    ms = now_ms()
    return Submission(
        data=data,
        principal=principal,
        feedback_id=uuid7(ms),
        received_at=ms_to_datetime(ms),
        idempotency_key=idempotency_key,
        request_hash=request_hash(data) if idempotency_key else None,
        field_prefix=prefix,
    )


def _in_flight_outcome(batcher: IngestBatcher, submission: Submission) -> Outcome | None:
    """A 409 while another request with the key is being written, whatever its body: until it
    commits, nobody knows whether it takes the key (a rejected write leaves the key free)."""
    if not batcher.in_flight(submission):
        return None
    busy = Conflict(
        "A request with this idempotency key is still being processed; retry shortly",
        headers={"Retry-After": "1"},
    )
    return Outcome(error=busy)


async def _outcomes(batcher: IngestBatcher, submissions: list[Submission]) -> list[Outcome]:
    early: dict[int, Outcome] = {}
    queued: list[Submission] = []
    for index, submission in enumerate(submissions):
        outcome = _in_flight_outcome(batcher, submission)
        if outcome is None:
            batcher.submit([submission])
            queued.append(submission)
        else:
            early[index] = outcome
    # shielded: a client that hangs up does not cancel the write it already joined
    if len(queued) == 1:
        written = iter([await asyncio.shield(queued[0].future)])
    else:
        written = iter(await asyncio.shield(asyncio.gather(*(s.future for s in queued))))
    outcomes = [early[i] if i in early else next(written) for i in range(len(submissions))]
    for outcome in outcomes:
        ACCEPTED[_label(outcome)].inc()
    return outcomes


def _label(outcome: Outcome) -> str:
    if outcome.error is not None:
        return "rejected"
    return "replayed" if outcome.replayed else "created"


async def submit_feedback(
    batcher: IngestBatcher,
    principal: Principal,
    data: FeedbackCreate,
    idempotency_key: str | None,
) -> Outcome:
    [outcome] = await _outcomes(batcher, [new_submission(data, principal, idempotency_key)])
    if outcome.error is not None:
        raise outcome.error
    return outcome


def _problem(error: DomainError) -> Problem:
    return Problem(
        title=error.title,
        status=error.status,
        detail=error.detail,
        code=error.code,
        errors=error.errors,
    )


async def submit_batch(
    batcher: IngestBatcher, principal: Principal, batch: FeedbackBatch
) -> BatchReport:
    malformed: dict[int, Outcome] = {}
    submissions: list[Submission] = []
    positions: list[int] = []
    for index, raw in enumerate(batch.items):
        try:
            item = BATCH_ITEM.validate_python(raw)
        except ValidationError as exc:
            errors = field_errors(exc.errors(), ("body", "items", index))
            names = ", ".join(f"{e.location}.{e.field}" for e in errors[:10])
            malformed[index] = Outcome(
                error=UnprocessableEntity(f"invalid: {names}", errors=errors)
            )
            continue
        submissions.append(
            new_submission(item, principal, item.idempotency_key, prefix=f"items.{index}.")
        )
        positions.append(index)
    written = dict(zip(positions, await _outcomes(batcher, submissions), strict=True))
    outcomes = [malformed.get(i) or written[i] for i in range(len(batch.items))]
    if all(o.error is not None and o.error.status == 503 for o in outcomes):
        raise outcomes[0].error  # type: ignore[misc]
    results = []
    for index, outcome in enumerate(outcomes):
        if outcome.error is not None:
            results.append(
                BatchItemResult(
                    index=index,
                    status=outcome.error.status,
                    outcome="rejected",
                    problem=_problem(outcome.error),
                )
            )
        else:
            results.append(
                BatchItemResult(
                    index=index,
                    status=201,
                    outcome="replayed" if outcome.replayed else "created",
                    receipt=outcome.receipt,
                )
            )
    accepted = sum(1 for r in results if r.status == 201)
    return BatchReport(accepted=accepted, rejected=len(results) - accepted, results=results)
