"""Templates and runs as operators see them."""

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from feedback_api.surveys.questions import (
    CHOICE_KINDS,
    MAX_QUESTIONS,
    SCALES,
    Question,
    QuestionKind,
    SurveyAudience,
)

_TEMPLATE_EXAMPLE: JsonDict = {
    "code": "mfc_visit",
    "title": "Оценка посещения МФЦ",
    "audience": "external",
    "questions": [
        {"kind": "rating", "text": "Оцените посещение МФЦ в целом"},
        {
            "kind": "single_choice",
            "text": "Сколько времени вы ждали в очереди?",
            "options": ["Меньше 15 минут", "15–30 минут", "Больше 30 минут"],
        },
        {"kind": "text", "text": "Что можно улучшить?", "required": False},
    ],
}
_RUN_EXAMPLE: JsonDict = {
    "template_id": "5f1c1d2e-61a4-5d2b-9a57-0f6c3e1d2b4a",
    "service_id": "0b7e4a52-2f8c-4c1e-9d55-3c1f6f0a9e21",
    "title": "Мониторинг удовлетворенности: ежемесячная выплата на ребенка",
    "starts_on": "2026-12-01",
    "ends_on": None,
}


class TemplateDefinition(BaseModel):
    """A template's content: what a built-in file holds and what an agency posts."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(
        pattern=r"^[a-z][a-z0-9_]{2,63}$", description="Stable code, unique within the agency"
    )
    title: str = Field(min_length=3, max_length=200)
    description: str | None = Field(default=None, max_length=2000)
    audience: SurveyAudience = SurveyAudience.EXTERNAL
    methodology_form: str | None = Field(
        default=None,
        max_length=150,
        description="The form of the feedback methodology it follows, e.g. "
        "«форма № 1 приложения № 3 к Методике ОС»",
    )
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS)


class SurveyTemplateCreate(TemplateDefinition):
    model_config = ConfigDict(json_schema_extra={"examples": [_TEMPLATE_EXAMPLE]})

    agency_id: uuid.UUID | None = Field(
        default=None,
        description="The agency that owns it; a key bound to an agency may leave it out",
    )


class OptionRead(BaseModel):
    id: int = Field(description="What an answer sends to choose it")
    label: str


class QuestionRead(BaseModel):
    number: int = Field(description="What an answer sends as `question`")
    kind: QuestionKind
    text: str
    required: bool
    options: list[OptionRead] | None = None
    scale_min: int | None = Field(default=None, description="Lowest score of rating and NPS")
    scale_max: int | None = None

    @classmethod
    def of(cls, number: int, question: Question) -> "QuestionRead":
        scale = SCALES.get(question.kind)
        options = None
        if question.kind in CHOICE_KINDS:
            options = [
                OptionRead(id=i, label=label) for i, label in enumerate(question.options or [], 1)
            ]
        return cls(
            number=number,
            kind=question.kind,
            text=question.text,
            required=question.required,
            options=options,
            scale_min=scale[0] if scale else None,
            scale_max=scale[1] if scale else None,
        )


def numbered(questions: list[Question]) -> list[QuestionRead]:
    return [QuestionRead.of(number, q) for number, q in enumerate(questions, 1)]


class SurveyTemplateRead(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    description: str | None
    audience: SurveyAudience
    methodology_form: str | None
    builtin: bool = Field(description="Shipped with Otklik, read-only, for every agency")
    agency_id: uuid.UUID | None
    questions: list[QuestionRead]


class SurveyTemplateList(BaseModel):
    items: list[SurveyTemplateRead]


class RunStatus(StrEnum):
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


class SurveyRunCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [_RUN_EXAMPLE]}
    )

    template_id: uuid.UUID = Field(description="A built-in template or one of the agency's")
    service_id: uuid.UUID | None = Field(
        default=None, description="The service surveyed; leave out for the agency as a whole"
    )
    agency_id: uuid.UUID | None = Field(
        default=None, description="Needed without a service (unless the key is bound to one)"
    )
    title: str = Field(min_length=3, max_length=300)
    starts_on: date = Field(description="First day the link takes answers (Moscow time)")
    ends_on: date | None = Field(
        default=None, description="Last day; leave out for a permanent link, analysed monthly"
    )


class SurveyRunRead(BaseModel):
    id: uuid.UUID
    agency_id: uuid.UUID
    service_id: uuid.UUID | None
    template_id: uuid.UUID
    template_code: str
    template_title: str
    title: str
    starts_on: date
    ends_on: date | None
    status: RunStatus
    token: str = Field(description="The secret of the public link")
    public_url: str = Field(description="Path of the public form (no key needed)")
    created_at: datetime
    closed_at: datetime | None
