"""Answering a survey through its public link: no key, every rule with its exact problem, one
response per respondent, and the rate limit (which gives way when Redis is down)."""

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from tests.conftest import running
from tests.feedback_helpers import Catalog
from tests.survey_helpers import (
    VALID_ANSWERS,
    answer,
    create_run,
    mfc_run,
    named_errors,
    today,
    with_answer,
)


async def test_public_form_is_served_without_a_key(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    response = await feedback.get(run["public_url"])

    assert response.status_code == 200, response.text
    form = response.json()
    assert form["title"] == "Мониторинг удовлетворенности"
    assert form["agency_name"] == "Министерство соцзащиты"
    assert form["service_title"].startswith("Назначение ежемесячной")
    assert form["ends_on"] is None
    assert [q["kind"] for q in form["questions"]] == [
        "rating",
        "nps",
        "single_choice",
        "multiple_choice",
        "text",
    ]
    assert form["questions"][2]["options"][1] == {"id": 2, "label": "15–30 минут"}
    assert "token" not in form


async def test_answers_are_accepted_with_a_receipt_in_russian(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    answers = [*VALID_ANSWERS, {"question": 4, "value": [1, 3]}, {"question": 5, "value": "Ок"}]

    response = await answer(feedback, run, answers)

    assert response.status_code == 201, response.text
    assert response.json()["message"] == "Спасибо! Ваши ответы приняты."


async def test_unknown_and_not_yet_started_links_are_not_found(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    tomorrow = (today() + timedelta(days=1)).isoformat()
    scheduled = await mfc_run(feedback, admin_headers, catalog, starts_on=tomorrow)
    unknown = {"public_url": "/api/v1/public/surveys/no-such-survey-link"}

    assert (await feedback.get(scheduled["public_url"])).status_code == 404
    assert (await answer(feedback, scheduled, VALID_ANSWERS)).status_code == 404
    assert (await feedback.get(unknown["public_url"])).status_code == 404
    assert (await answer(feedback, unknown, VALID_ANSWERS)).status_code == 404


@pytest.mark.parametrize(
    ("answers", "field", "type_"),
    [
        (with_answer(1, value=6), "answers[2].value", "out_of_range"),
        (with_answer(1, value=0), "answers[2].value", "out_of_range"),
        (with_answer(1, value="5"), "answers[2].value", "invalid_type"),
        (with_answer(1, value=4.5), "answers[2].value", "invalid_type"),
        (with_answer(1, value=True), "answers[2].value", "invalid_type"),
        (with_answer(2, value=11), "answers[2].value", "out_of_range"),
        (with_answer(2, value=-1), "answers[2].value", "out_of_range"),
        (with_answer(3, value=4), "answers[2].value", "unknown_option"),
        (with_answer(3, value=[1]), "answers[2].value", "invalid_type"),
        (with_answer(4, value=2), "answers[3].value", "invalid_type"),
        (with_answer(4, value=[1, 7]), "answers[3].value", "unknown_option"),
        (with_answer(4, value=[2, 2]), "answers[3].value", "duplicate_option"),
        (with_answer(5, value=42), "answers[3].value", "invalid_type"),
        (with_answer(5, value="я" * 2001), "answers[3].value", "too_long"),
        (with_answer(1, value=None), "answers[2].value", "missing_answer"),
        (with_answer(6, value=1), "answers[3].question", "unknown_question"),
        ([*VALID_ANSWERS, {"question": 1, "value": 5}], "answers[3].question", "duplicate_answer"),
        (VALID_ANSWERS[:2], "answers", "missing_answer"),
    ],
    ids=[
        "rating-6",
        "rating-0",
        "rating-string",
        "rating-fraction",
        "rating-bool",
        "nps-11",
        "nps-negative",
        "single-unknown-option",
        "single-list",
        "multiple-not-a-list",
        "multiple-unknown-option",
        "multiple-twice",
        "text-number",
        "text-too-long",
        "required-null",
        "unknown-question",
        "answered-twice",
        "required-left-out",
    ],
)
async def test_each_invalid_answer_is_named(
    feedback: httpx.AsyncClient,
    run: dict[str, Any],
    answers: list[dict[str, Any]],
    field: str,
    type_: str,
) -> None:
    response = await answer(feedback, run, answers)

    assert named_errors(response) == [(field, type_)]
    problem = response.json()
    assert problem["code"] == "validation_error"
    assert problem["detail"] == f"1 answer(s) invalid: body.{field}"


async def test_every_invalid_answer_is_reported_at_once_and_nothing_is_stored(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    answers = [{"question": 1, "value": 9}, {"question": 3, "value": 0}]

    response = await answer(feedback, run, answers)
    retry = await answer(feedback, run, VALID_ANSWERS)

    assert response.status_code == 422
    errors = [(e["field"], e["message"]) for e in response.json()["errors"]]
    assert errors == [
        ("answers[0].value", "a rating is from 1 to 5"),
        ("answers[1].value", "no such option; the options are 1 to 3"),
        ("answers", "question 2 needs an answer"),
    ]
    assert retry.status_code == 201


async def test_blank_optional_answers_are_accepted(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    answers = [*VALID_ANSWERS, {"question": 4, "value": []}, {"question": 5, "value": "  "}]

    assert (await answer(feedback, run, answers)).status_code == 201


@pytest.mark.parametrize(
    ("respondent", "field"),
    [("short", "respondent_token"), ("x" * 129, "respondent_token")],
    ids=["too-short", "too-long"],
)
async def test_respondent_token_is_16_to_128_characters(
    feedback: httpx.AsyncClient, run: dict[str, Any], respondent: str, field: str
) -> None:
    response = await answer(feedback, run, VALID_ANSWERS, raw_token=respondent)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


async def test_second_response_of_a_respondent_is_a_conflict(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    admin_headers: dict[str, str],
    run: dict[str, Any],
) -> None:
    device = "device-aaaaaaaaaaaaaaaa"

    first = await answer(feedback, run, VALID_ANSWERS, respondent=device)
    second = await answer(feedback, run, VALID_ANSWERS, respondent=device)
    someone_else = await answer(feedback, run, VALID_ANSWERS, respondent="device-bbbbbbbbbbbbbbbb")
    another_run = await create_run(
        feedback, admin_headers, template_id=run["template_id"], agency_id=catalog.agency_id
    )
    same_device_elsewhere = await answer(feedback, another_run, VALID_ANSWERS, respondent=device)

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.headers["content-type"] == "application/problem+json"
    assert second.json()["code"] == "already_answered"
    assert someone_else.status_code == 201
    assert same_device_elsewhere.status_code == 201


# --- rate limit ---------------------------------------------------------------------------------


@pytest.fixture
def limited_app(settings_overrides: dict[str, Any]) -> FastAPI:
    return create_app(FeedbackSettings(**settings_overrides, SURVEY_RATE_LIMIT_PER_MINUTE=3))


def client_at(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def limited(limited_app: FastAPI) -> AsyncIterator[FastAPI]:
    # the limit counts per minute of the clock: start well inside one, so hits are not split
    if (second := time.time() % 60) > 55:
        await asyncio.sleep(60.5 - second)
    async with limited_app.router.lifespan_context(limited_app):
        yield limited_app


async def test_answers_over_the_limit_of_a_client_address_get_429(
    limited: FastAPI, run: dict[str, Any]
) -> None:
    async with client_at(limited, "10.0.0.1") as one, client_at(limited, "10.0.0.2") as two:
        statuses = [
            (await answer(one, run, VALID_ANSWERS, respondent=f"respondent-{i:016d}")).status_code
            for i in range(3)
        ]
        over = await answer(one, run, VALID_ANSWERS, respondent="respondent-9999999999999999")
        elsewhere = await answer(two, run, VALID_ANSWERS, respondent="respondent-8888888888888888")

    assert statuses == [201, 201, 201]
    assert over.status_code == 429
    assert over.headers["content-type"] == "application/problem+json"
    assert over.json()["code"] == "rate_limited"
    assert 1 <= int(over.headers["Retry-After"]) <= 60
    assert elsewhere.status_code == 201


async def test_answers_over_the_limit_of_a_respondent_token_get_429_from_any_address(
    limited: FastAPI, run: dict[str, Any]
) -> None:
    token = "respondent-7777777777777777"
    async with client_at(limited, "10.0.0.1") as one, client_at(limited, "10.0.0.2") as two:
        tries = [(await answer(one, run, [], respondent=token)).status_code for _ in range(3)]
        moved = await answer(two, run, VALID_ANSWERS, respondent=token)

    assert tries == [422, 422, 422]
    assert moved.status_code == 429


async def test_answers_are_taken_when_redis_is_down(
    settings_overrides: dict[str, Any], run: dict[str, Any]
) -> None:
    settings = FeedbackSettings(
        **{**settings_overrides, "REDIS_URL": "redis://127.0.0.1:1/0"},
        SURVEY_RATE_LIMIT_PER_MINUTE=1,
    )
    async with running(create_app(settings)) as client:
        statuses = [
            (await answer(client, run, VALID_ANSWERS, respondent=f"device-{i:016d}")).status_code
            for i in range(3)
        ]

    assert statuses == [201, 201, 201]
