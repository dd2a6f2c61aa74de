"""Shared steps of the survey tests: a template with one question of each kind, a run of it,
and answers sent through the public link."""

import uuid
from datetime import date, datetime
from typing import Any

import httpx

from feedback_api.config import DEVELOPMENT_PAGES_SECRET
from feedback_api.pages.links import short_code
from feedback_api.respondents.tokens import SURVEY_TOKEN_DAYS, RespondentTokens, survey_scope
from otklik_shared.measures import MOSCOW
from tests.feedback_helpers import Catalog

MFC_TEMPLATE: dict[str, Any] = {
    "code": "mfc_visit",
    "title": "Оценка посещения МФЦ",
    "questions": [
        {"kind": "rating", "text": "Оцените посещение МФЦ в целом"},
        {"kind": "nps", "text": "Посоветуете ли вы этот МФЦ знакомым?"},
        {
            "kind": "single_choice",
            "text": "Сколько времени вы ждали в очереди?",
            "options": ["Меньше 15 минут", "15–30 минут", "Больше 30 минут"],
        },
        {
            "kind": "multiple_choice",
            "text": "Что было неудобно?",
            "required": False,
            "options": ["Очередь", "Парковка", "Навигация", "Ничего"],
        },
        {"kind": "text", "text": "Что можно улучшить?", "required": False},
    ],
}
# the three required questions of MFC_TEMPLATE, answered
VALID_ANSWERS: list[dict[str, Any]] = [
    {"question": 1, "rating": 4},
    {"question": 2, "rating": 9},
    {"question": 3, "choices": [1]},
]


def with_answer(question: int, **fields: Any) -> list[dict[str, Any]]:
    """VALID_ANSWERS with one question's answer replaced or added (`rating=4`, `value=[1, 2]`)."""
    answers = [a for a in VALID_ANSWERS if a["question"] != question]
    return [*answers, {"question": question, **fields}]


def named_errors(response: httpx.Response) -> list[tuple[str, str]]:
    """The (field, type) of each error of a 422 problem answer."""
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [(e["field"], e["type"]) for e in response.json()["errors"]]


def today() -> date:
    return datetime.now(MOSCOW).date()


async def create_template(
    client: httpx.AsyncClient, headers: dict[str, str], **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/surveys/templates", json={**MFC_TEMPLATE, **fields}, headers=headers
    )
    assert response.status_code == 201, response.text
    template: dict[str, Any] = response.json()
    return template


async def create_run(
    client: httpx.AsyncClient, headers: dict[str, str], **fields: Any
) -> dict[str, Any]:
    body = {"title": "Мониторинг удовлетворенности", "starts_on": today().isoformat(), **fields}
    response = await client.post("/api/v1/surveys/runs", json=body, headers=headers)
    assert response.status_code == 201, response.text
    run: dict[str, Any] = response.json()
    return run


async def mfc_run(
    client: httpx.AsyncClient, headers: dict[str, str], catalog: Catalog, **fields: Any
) -> dict[str, Any]:
    """A run of MFC_TEMPLATE for the catalog's first service."""
    template = await create_template(client, headers, agency_id=catalog.agency_id)
    return await create_run(
        client, headers, template_id=template["id"], service_id=catalog.service_id, **fields
    )


def respondent_token(run: dict[str, Any], respondent: str) -> str:
    """The token the service would issue to `respondent` (a label, e.g. one per device) for the
    run, signed with the development secret the tests run with: many respondents without the
    per-address limit of the issuing endpoint (its own tests go through it)."""
    key = (run.get("id", str(uuid.UUID(int=0))), respondent)
    if key not in _TOKENS:
        scope = survey_scope(short_code(uuid.UUID(key[0])))
        _TOKENS[key] = _SIGNER.issue(scope, days=SURVEY_TOKEN_DAYS).token
    return _TOKENS[key]


_SIGNER = RespondentTokens(DEVELOPMENT_PAGES_SECRET)
_TOKENS: dict[tuple[str, str], str] = {}


async def answer(
    client: httpx.AsyncClient,
    run: dict[str, Any],
    answers: list[dict[str, Any]],
    respondent: str = "browser-0000000000000001",
    *,
    raw_token: str | None = None,
) -> httpx.Response:
    token = raw_token if raw_token is not None else respondent_token(run, respondent)
    return await client.post(
        f"{run['public_url']}/responses", json={"respondent_token": token, "answers": answers}
    )
