import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

ItemNumber = Annotated[str, Field(pattern=r"^\d+(\.\d+)*$", max_length=20)]
Comment = Annotated[str, Field(max_length=2000)]


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"


ANSWER_LABELS = {Answer.YES: "да", Answer.NO: "нет", Answer.NOT_APPLICABLE: "не применимо"}

_EXAMPLE_ANSWERS: JsonDict = {"1.1": "no", "1.6": "yes", "2.3.2": "not_applicable"}


class ChecklistCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "answers": _EXAMPLE_ANSWERS,
                    "comments": {"1.1": "Заместитель министра еще не назначен"},
                }
            ]
        },
    )

    answers: dict[ItemNumber, Answer] = Field(
        max_length=500, description="Per leaf item of the template; may be partial (a draft)"
    )
    comments: dict[ItemNumber, Comment] = Field(default_factory=dict, max_length=500)
    template_version: int | None = Field(default=None, ge=1, description="Default: the newest")


class ChecklistUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"answers": {"2.3.5": "no"}}]},
    )

    answers: dict[ItemNumber, Answer] = Field(
        default_factory=dict, max_length=500, description="Merged into the saved answers"
    )
    comments: dict[ItemNumber, Comment] = Field(default_factory=dict, max_length=500)


class AnswerCounts(BaseModel):
    yes: int
    no: int
    not_applicable: int


class ChecklistRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6f0d8e-7c1a-4e61-9a3e-4c2b1d0e9f8a",
                    "service_id": "9b2f1c3e-2a4d-4f6b-8c7d-0e1f2a3b4c5d",
                    "agency_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
                    "template_code": "typical",
                    "template_version": 1,
                    "answers": _EXAMPLE_ANSWERS,
                    "comments": {},
                    "complete": False,
                    "unanswered": ["1.2", "1.3"],
                    "counts": {"yes": 1, "no": 1, "not_applicable": 1},
                    "plan_id": None,
                    "created_at": "2026-11-01T09:00:00Z",
                    "updated_at": "2026-11-01T09:00:00Z",
                }
            ]
        }
    )

    id: uuid.UUID
    service_id: uuid.UUID
    agency_id: uuid.UUID
    template_code: str
    template_version: int
    answers: dict[str, Answer]
    comments: dict[str, str]
    complete: bool = Field(description="Every leaf item of the template is answered")
    unanswered: list[str]
    counts: AnswerCounts
    plan_id: uuid.UUID | None = Field(description="The plan generated from it, if any")
    created_at: datetime
    updated_at: datetime
