"""The instrument of a survey: its questions, their kinds and the rules a question set meets.

A run keeps a copy of its template's instrument, so answers always match the questions they
were given to, whatever happens to the template later.
"""

import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from otklik_shared.problem import FieldError


class QuestionKind(StrEnum):
    RATING = "rating"
    NPS = "nps"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TEXT = "text"


class SurveyAudience(StrEnum):
    """Whom the methodology's form asks: external clients (citizens, businesses) or internal
    ones (the agency's employees)."""

    EXTERNAL = "external"
    INTERNAL = "internal"


SCALES = {QuestionKind.RATING: (1, 5), QuestionKind.NPS: (0, 10)}
CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})
MAX_QUESTIONS = 50
MAX_OPTIONS = 20
TEXT_ANSWER_MAX_LENGTH = 2000


class Question(BaseModel):
    """A question as a template defines it; it is numbered by its place (1, 2, …)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: QuestionKind
    text: str = Field(min_length=3, max_length=1000, description="The question, in Russian")
    required: bool = True
    options: list[str] | None = Field(
        default=None,
        max_length=MAX_OPTIONS,
        description="Choices of a single or multiple choice question (2–20), numbered from 1",
    )


class Instrument(BaseModel):
    """What a run asks: its template's identity and questions, as they were at the start."""

    template_id: uuid.UUID
    code: str
    title: str
    audience: SurveyAudience
    methodology_form: str | None
    questions: list[Question]


def question_errors(questions: list[Question]) -> list[FieldError]:
    """Options only on choice questions, at least two each, each given once."""
    errors = []
    for index, question in enumerate(questions):
        field = f"questions[{index}].options"
        options = question.options or []
        if question.kind not in CHOICE_KINDS:
            if options:
                errors.append(_error(field, f"a {question.kind.value} question has no options"))
            continue
        if len(options) < 2:
            errors.append(_error(field, "a choice question needs at least two options"))
        elif any(not option or len(option) > 300 for option in options):
            errors.append(_error(field, "each option is 1–300 characters"))
        elif len({option.casefold() for option in options}) != len(options):
            errors.append(_error(field, "each option must be given once", type_="duplicate"))
    return errors


def _error(field: str, message: str, type_: str = "invalid") -> FieldError:
    return FieldError(location="body", field=field, message=message, type=type_)
