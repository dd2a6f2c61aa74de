"""A case's whole path: every feedback given with one case number, and what became of each."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from feedback_api.review.schemas import ProposalStatus
from otklik_shared.vocab import Channel, Stage

EntryKind = Literal["received", "assigned", "answered", "proposed", "proposal_decided", "closed"]


class TimelineEntry(BaseModel):
    at: datetime
    kind: EntryKind
    feedback_id: uuid.UUID
    stage: Stage | None = Field(default=None, description="received: the stage rated")
    channel: Channel | None = Field(default=None, description="received: through which channel")
    rating: int | None = Field(default=None, description="received: the overall rating")
    comment: str | None = Field(
        default=None,
        description="received: the comment (personal data masked without feedback:contacts)",
    )
    answer_due_at: datetime | None = Field(default=None, description="received: when due")
    text: str | None = Field(
        default=None, description="answered: the answer; proposed: the measure proposed"
    )
    by: str | None = Field(default=None, description="Who assigned, answered, proposed or decided")
    answer_number: int | None = Field(default=None, description="answered: 1 for the first")
    proposal_id: uuid.UUID | None = None
    proposal_status: ProposalStatus | None = Field(
        default=None, description="proposal_decided: accepted or rejected"
    )
    reason: str | None = Field(default=None, description="proposal_decided: why rejected")
    plan_id: uuid.UUID | None = Field(default=None, description="proposal_decided: the plan")
    item_number: str | None = Field(default=None, description="proposal_decided: its item")


class CaseTimeline(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "case_number": "2026-000123456",
                    "feedback_count": 1,
                    "entries": [
                        {
                            "at": "2026-11-23T09:00:00Z",
                            "kind": "received",
                            "feedback_id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                            "stage": "application",
                            "channel": "regional_portal",
                            "rating": 2,
                            "comment": "Заявление приняли только с третьей попытки.",
                            "answer_due_at": "2026-12-23T09:00:00Z",
                        },
                        {
                            "at": "2026-11-25T12:30:00Z",
                            "kind": "answered",
                            "feedback_id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                            "text": "Здравствуйте! Ошибка портала устранена 25.11.2026.",
                            "by": "Петрова Е.В.",
                            "answer_number": 1,
                        },
                    ],
                }
            ]
        }
    )

    case_number: str
    feedback_count: int = Field(description="Feedback given with this case number")
    entries: list[TimelineEntry] = Field(description="Oldest first")
