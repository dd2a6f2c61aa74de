"""The batch form of ingest: mobile backends flushing offline queues."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SkipValidation, TypeAdapter, WithJsonSchema

from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from otklik_shared.problem import Problem

BATCH_MAX_ITEMS = 1000


# an idempotency key, as a header of a single post or a field of a batch item: printable ASCII
IDEMPOTENCY_KEY_MAX_LENGTH = 200
IDEMPOTENCY_KEY_PATTERN = r"^[\x21-\x7e]+$"


class BatchFeedbackItem(FeedbackCreate):
    idempotency_key: str | None = Field(
        default=None,
        min_length=1,
        max_length=IDEMPOTENCY_KEY_MAX_LENGTH,
        pattern=IDEMPOTENCY_KEY_PATTERN,
        description="Per item, like the `Idempotency-Key` header: a resent item is not stored "
        "twice and gets its original receipt",
    )


BATCH_ITEM = TypeAdapter(BatchFeedbackItem)


class FeedbackBatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "idempotency_key": "app-7f3c2a-000481",
                            "service_id": "0b7e4a52-2f8c-4c1e-9d55-3c1f6f0a9e21",
                            "stage": "result",
                            "channel": "mobile_app",
                            "rating": 5,
                            "occurred_at": "2026-11-20T10:15:00+03:00",
                        }
                    ]
                }
            ]
        },
    )

    # Each item is validated on its own, so one malformed item is rejected alone instead of
    # failing the whole flush of an offline queue (the schema still documents the item).
    items: Annotated[
        list[SkipValidation[BatchFeedbackItem]],
        Field(min_length=1, max_length=BATCH_MAX_ITEMS),
        WithJsonSchema(
            {
                "type": "array",
                "items": {"$ref": "#/components/schemas/BatchFeedbackItem"},
                "minItems": 1,
                "maxItems": BATCH_MAX_ITEMS,
            }
        ),
    ]


class BatchItemResult(BaseModel):
    index: int = Field(description="Position of the item in the request")
    status: int = Field(description="201 accepted, 422 invalid, 409 still in flight")
    outcome: Literal["created", "replayed", "rejected"]
    receipt: FeedbackReceipt | None = None
    problem: Problem | None = None


class BatchReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "accepted": 1,
                    "rejected": 1,
                    "results": [
                        {
                            "index": 0,
                            "status": 201,
                            "outcome": "created",
                            "receipt": {
                                "id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                                "status": "received",
                                "received_at": "2026-11-23T09:00:00Z",
                                "needs_review": False,
                                "answer_due_at": None,
                                "message": "Ваш отзыв получен 23.11.2026. Спасибо за оценку.",
                            },
                        },
                        {
                            "index": 1,
                            "status": 422,
                            "outcome": "rejected",
                            "problem": {
                                "type": "about:blank",
                                "title": "Request validation failed",
                                "status": 422,
                                "code": "validation_error",
                                "detail": "body.stage: the service has no stage «payment»",
                                "errors": [
                                    {
                                        "location": "body",
                                        "field": "items.1.stage",
                                        "message": "the service has no stage «payment»",
                                        "type": "unknown_stage",
                                    }
                                ],
                            },
                        },
                    ],
                }
            ]
        }
    )

    accepted: int
    rejected: int
    results: list[BatchItemResult]
