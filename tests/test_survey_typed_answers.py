"""Answers in the typed fields every client generator handles (`rating`, `choices`, `text`):
exactly one per answer, the one its question's kind takes; the deprecated `value` still works."""

from typing import Any

import httpx
import pytest

from tests.spec_helpers import committed_spec
from tests.survey_helpers import VALID_ANSWERS, answer, named_errors, with_answer


async def test_typed_answers_of_every_kind_are_accepted(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    answers = [*VALID_ANSWERS, {"question": 4, "choices": [1, 3]}, {"question": 5, "text": "Ок"}]

    response = await answer(feedback, run, answers)

    assert response.status_code == 201, response.text


async def test_nulls_of_the_fields_not_used_are_not_answers(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    """As a Java client sends them: every field of the model, the unused ones null."""
    nulls = {"rating": None, "choices": None, "text": None, "value": None}
    answers = [{**nulls, **a} for a in VALID_ANSWERS]

    response = await answer(feedback, run, answers)

    assert response.status_code == 201, response.text


async def test_the_deprecated_value_is_still_read(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    answers = [
        {"question": 1, "value": 4},
        {"question": 2, "value": 9},
        {"question": 3, "value": 1},
    ]

    assert (await answer(feedback, run, answers)).status_code == 201


@pytest.mark.parametrize(
    ("answers", "field", "type_"),
    [
        (with_answer(1, rating=4, text="Хорошо"), "answers[2].text", "conflicting_answer"),
        (with_answer(1, rating=4, value=4), "answers[2].value", "conflicting_answer"),
        (with_answer(1, text="5"), "answers[2].text", "wrong_answer_kind"),
        (with_answer(2, choices=[9]), "answers[2].choices", "wrong_answer_kind"),
        (with_answer(3, rating=1), "answers[2].rating", "wrong_answer_kind"),
        (with_answer(4, text="Очередь"), "answers[3].text", "wrong_answer_kind"),
        (with_answer(5, rating=3), "answers[3].rating", "wrong_answer_kind"),
        (with_answer(1, rating=6), "answers[2].rating", "out_of_range"),
        (with_answer(2, rating=11), "answers[2].rating", "out_of_range"),
        (with_answer(3, choices=[1, 2]), "answers[2].choices", "too_many_options"),
        (with_answer(3, choices=[4]), "answers[2].choices", "unknown_option"),
        (with_answer(4, choices=[2, 2]), "answers[3].choices", "duplicate_option"),
        (with_answer(5, text="я" * 2001), "answers[3].text", "too_long"),
        (with_answer(1), "answers[2].rating", "missing_answer"),
        (with_answer(3, choices=[]), "answers[2].choices", "missing_answer"),
    ],
    ids=[
        "rating-and-text",
        "rating-and-value",
        "rating-as-text",
        "nps-as-choices",
        "single-as-rating",
        "multiple-as-text",
        "text-as-rating",
        "rating-6",
        "nps-11",
        "single-two-options",
        "single-unknown-option",
        "multiple-twice",
        "text-too-long",
        "required-nothing-given",
        "required-no-choice",
    ],
)
async def test_each_invalid_typed_answer_is_named(
    feedback: httpx.AsyncClient,
    run: dict[str, Any],
    answers: list[dict[str, Any]],
    field: str,
    type_: str,
) -> None:
    response = await answer(feedback, run, answers)

    assert named_errors(response) == [(field, type_)]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"rating": "5"}, "rating"), ({"rating": True}, "rating"), ({"choices": ["1"]}, "choices.0")],
    ids=["rating-string", "rating-bool", "choice-string"],
)
async def test_typed_fields_take_no_other_json_types(
    feedback: httpx.AsyncClient, run: dict[str, Any], fields: dict[str, Any], field: str
) -> None:
    response = await answer(feedback, run, with_answer(1, **fields))

    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [f"answers.2.{field}"]


def test_the_spec_gives_every_answer_field_one_type_and_deprecates_value() -> None:
    schema = committed_spec("feedback-api")["components"]["schemas"]["SurveyAnswerIn"]
    fields = schema["properties"]

    assert [branch["type"] for branch in fields["rating"]["anyOf"]] == ["integer", "null"]
    assert [branch["type"] for branch in fields["choices"]["anyOf"]] == ["array", "null"]
    assert fields["choices"]["anyOf"][0]["items"] == {"type": "integer"}
    assert [branch["type"] for branch in fields["text"]["anyOf"]] == ["string", "null"]
    assert fields["value"]["deprecated"] is True
    assert "anyOf" not in fields["value"]
    assert "type" not in fields["value"]
