"""Checking a response against the run's questions, and the answer rows it becomes.

Every mistake is reported at once, each naming its place in the request (`answers[2].rating`),
so a form can mark all the wrong fields in one round trip. Messages never repeat the values sent.
An answer carries its value in the field its question's kind takes (`rating`, `choices`,
`text`), or in the deprecated untyped `value` that older clients and the HTML form send.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from feedback_api.surveys.questions import SCALES, TEXT_ANSWER_MAX_LENGTH, Question, QuestionKind
from otklik_kit.errors import UnprocessableEntity
from otklik_shared.problem import FieldError


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question: int
    number: int | None = None
    option: int | None = None
    text: str | None = None


class GivenAnswer(Protocol):
    """An answer as the service takes it, whatever carried it (the JSON API, the HTML form):
    the question's number and the fields sent with a value, by name."""

    @property
    def question(self) -> int: ...

    @property
    def typed(self) -> bool:
        """False when the answer comes in the untyped `value` (a whole number, a list of option
        ids, a text or None)."""
        ...

    def given(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer in the untyped `value`, as the HTML form posts it."""

    question: int
    value: Any

    @property
    def typed(self) -> bool:
        return False

    def given(self) -> dict[str, Any]:
        return {} if self.value is None else {"value": self.value}


# the field that carries each kind's answer
FIELD_OF_KIND = {
    QuestionKind.RATING: "rating",
    QuestionKind.NPS: "rating",
    QuestionKind.SINGLE_CHOICE: "choices",
    QuestionKind.MULTIPLE_CHOICE: "choices",
    QuestionKind.TEXT: "text",
}


class InvalidAnswer(Exception):
    def __init__(self, message: str, type_: str, field: str = "value") -> None:
        super().__init__(message)
        self.message = message
        self.type = type_
        self.field = field  # the answer's field it is about


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _score(question: Question, value: Any) -> list[AnswerRow]:
    low, high = SCALES[question.kind]
    what = "a rating" if question.kind is QuestionKind.RATING else "an NPS score"
    if not _whole_number(value):
        raise InvalidAnswer(f"{what} is a whole number from {low} to {high}", "invalid_type")
    if not low <= value <= high:
        raise InvalidAnswer(f"{what} is from {low} to {high}", "out_of_range")
    return [AnswerRow(0, number=value)]


def _option(question: Question, value: Any) -> int:
    count = len(question.options or [])
    if not _whole_number(value):
        raise InvalidAnswer(f"an option is chosen by its id, 1 to {count}", "invalid_type")
    if not 1 <= value <= count:
        raise InvalidAnswer(f"no such option; the options are 1 to {count}", "unknown_option")
    return int(value)


def _choices(question: Question, value: Any) -> list[AnswerRow]:
    if question.kind is QuestionKind.SINGLE_CHOICE:
        return [AnswerRow(0, option=_option(question, value))]
    if not isinstance(value, list):
        raise InvalidAnswer("a multiple choice answer is a list of option ids", "invalid_type")
    options = [_option(question, item) for item in value]
    if len(set(options)) != len(options):
        raise InvalidAnswer("each option may be chosen once", "duplicate_option")
    return [AnswerRow(0, option=option) for option in options]


def _text(value: Any) -> list[AnswerRow]:
    if not isinstance(value, str):
        raise InvalidAnswer("a text answer is a string", "invalid_type")
    answer = value.strip()
    if len(answer) > TEXT_ANSWER_MAX_LENGTH:
        raise InvalidAnswer(
            f"a text answer is at most {TEXT_ANSWER_MAX_LENGTH} characters", "too_long"
        )
    return [AnswerRow(0, text=answer)] if answer else []


def _rows(question: Question, value: Any) -> list[AnswerRow]:
    if value is None:
        return []
    if question.kind in SCALES:
        return _score(question, value)
    if question.kind is QuestionKind.TEXT:
        return _text(value)
    return _choices(question, value)


def _untyped(question: Question, field: str, value: Any) -> Any:
    """A typed field's value in the shape the untyped `value` has: a single choice is one
    option id."""
    wanted = FIELD_OF_KIND[question.kind]
    if field != wanted:
        message = f"a {question.kind.value} question is answered with `{wanted}`"
        raise InvalidAnswer(message, "wrong_answer_kind")
    if question.kind is not QuestionKind.SINGLE_CHOICE:
        return value
    if len(value) > 1:
        raise InvalidAnswer("a single choice answer is one option", "too_many_options")
    return value[0] if value else None


def _answer(question: Question, answer: GivenAnswer) -> tuple[str, list[AnswerRow]]:
    """The field that carries the answer (the one its kind takes when none does) and its rows;
    an InvalidAnswer names the field it is about."""
    given = answer.given()
    if len(given) > 1:
        first, second, *_ = given
        message = f"an answer has one of rating, choices or text, not `{first}` and more"
        raise InvalidAnswer(message, "conflicting_answer", second)
    field = next(iter(given), FIELD_OF_KIND[question.kind] if answer.typed else "value")
    value = given.get(field)
    try:
        if field != "value" and value is not None:
            value = _untyped(question, field, value)
        return field, _rows(question, value)
    except InvalidAnswer as invalid:
        invalid.field = field
        raise


def _error(field: str, message: str, type_: str) -> FieldError:
    return FieldError(location="body", field=field, message=message, type=type_)


def answer_rows(questions: list[Question], answers: Sequence[GivenAnswer]) -> list[AnswerRow]:
    """The rows to store; raises a 422 naming every invalid or missing answer."""
    errors: list[FieldError] = []
    rows: list[AnswerRow] = []
    addressed: set[int] = set()
    for index, answer in enumerate(answers):
        number = answer.question
        if not 1 <= number <= len(questions):
            message = f"no such question; the questions are 1 to {len(questions)}"
            errors.append(_error(f"answers[{index}].question", message, "unknown_question"))
            continue
        if number in addressed:
            message = "the question is answered twice"
            errors.append(_error(f"answers[{index}].question", message, "duplicate_answer"))
            continue
        addressed.add(number)
        question = questions[number - 1]
        try:
            field, given = _answer(question, answer)
        except InvalidAnswer as invalid:
            errors.append(
                _error(f"answers[{index}].{invalid.field}", invalid.message, invalid.type)
            )
            continue
        if not given and question.required:
            message = "the question needs an answer"
            errors.append(_error(f"answers[{index}].{field}", message, "missing_answer"))
        rows += [AnswerRow(number, row.number, row.option, row.text) for row in given]
    for number, question in enumerate(questions, 1):
        if question.required and number not in addressed:
            message = f"question {number} needs an answer"
            errors.append(_error("answers", message, "missing_answer"))
    if errors:
        names = ", ".join(dict.fromkeys(f"body.{e.field}" for e in errors[:10]))
        raise UnprocessableEntity(f"{len(errors)} answer(s) invalid: {names}", errors=errors)
    return rows
