"""What operators send to review a feedback, and what a client polls for its answer."""

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from feedback_api.feedback.models import FeedbackStatus
from feedback_api.feedback.schemas import FeedbackRead

ProposalStatus = Literal["new", "accepted", "rejected"]

ANSWER_MAX_LENGTH = 4000


class AssignmentIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"assignee": "Петрова Е.В., отдел по работе с обращениями"}]
        },
    )

    assignee: str = Field(min_length=1, max_length=200, description="Who reviews it")


class FeedbackAnswerIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "text": "Здравствуйте! Ошибка портала при подаче заявления устранена "
                    "25.11.2026. Приносим извинения за неудобства.",
                    "answered_by": "Петрова Е.В.",
                }
            ]
        },
    )

    text: str = Field(
        min_length=1,
        max_length=ANSWER_MAX_LENGTH,
        description="The answer to the citizen, in plain Russian; sent back to the client",
    )
    answered_by: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The operator's name; the key's name when left out",
    )


class FeedbackStatusRead(BaseModel):
    """What a portal polls to show the citizen where the feedback is."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                    "status": "answered",
                    "received_at": "2026-11-23T09:00:00Z",
                    "answer_due_at": "2026-12-23T09:00:00Z",
                    "answer": "Здравствуйте! Ошибка портала устранена 25.11.2026.",
                    "answered_at": "2026-11-25T12:30:00Z",
                    "answer_number": 1,
                    "answered_by": "Петрова Е.В.",
                    "closed_at": None,
                    "answers": [
                        {
                            "number": 1,
                            "text": "Здравствуйте! Ошибка портала устранена 25.11.2026.",
                            "answered_by": "Петрова Е.В.",
                            "answered_at": "2026-11-25T12:30:00Z",
                        }
                    ],
                    "proposals": [],
                }
            ]
        }
    )

    id: uuid.UUID
    status: FeedbackStatus
    received_at: datetime
    answer_due_at: datetime | None
    answer: str | None
    answered_at: datetime | None
    answer_number: int = Field(description="0 before the first answer; grows with re-answers")
    answered_by: str | None = None
    closed_at: datetime | None
    answers: list["AnswerRead"] = Field(
        default_factory=list, description="Every answer given, the first first"
    )
    proposals: list["ProposalOutcomeRead"] = Field(
        default_factory=list,
        description="Measures proposed to the agency's plan from this feedback and their outcome",
    )


class ProposalCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "title": "Разместить схему проезда к МФЦ на региональном портале",
                    "rationale": "Заявители жалуются, что не могут найти вход в МФЦ.",
                    "proposed_by": "Петрова Е.В.",
                }
            ]
        },
    )

    title: str = Field(min_length=3, max_length=1000, description="The measure proposed")
    rationale: str | None = Field(default=None, max_length=4000)
    proposed_by: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The operator's name; the key's name when left out",
    )


class ProposalRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    feedback_id: uuid.UUID
    agency_id: uuid.UUID
    title: str
    rationale: str | None
    proposed_by: str
    created_at: datetime
    status: ProposalStatus = "new"


class AnswerRead(BaseModel):
    """One answer given to a feedback; a re-answer adds one."""

    model_config = ConfigDict(from_attributes=True)

    number: int = Field(description="1 for the first answer")
    text: str
    answered_by: str
    answered_at: datetime


class ProposalOutcomeRead(BaseModel):
    """A proposal made from the feedback and what the agency decided in plans-api."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    status: ProposalStatus = Field(description="new until the agency decides")
    created_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    reject_reason: str | None
    plan_id: uuid.UUID | None = Field(description="The plan it became an item of, once accepted")
    item_number: str | None = Field(description="The number of that plan item")


class FeedbackDetail(FeedbackRead):
    """A feedback with every answer given and the proposals made from it."""

    answers: list[AnswerRead]
    proposals: list[ProposalOutcomeRead]


FeedbackStatusRead.model_rebuild()
