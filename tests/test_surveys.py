"""Surveys (seed 002) through the HTTP API: templates, runs behind a permanent link, isolation
between agencies, and results checked by hand."""

import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer, running
from tests.feedback_helpers import Catalog
from tests.survey_helpers import (
    MFC_TEMPLATE,
    VALID_ANSWERS,
    answer,
    create_run,
    create_template,
    mfc_run,
    today,
)

BUILTIN_CODES = {
    "service_satisfaction_external",
    "appeals_satisfaction_external",
    "information_access_external",
    "consultation_quality",
    "internal_client_satisfaction",
}
OTHER_AGENCY_ID = "00000000-0000-4000-8000-000000000001"


async def agency_headers(make_key: KeyMaker, agency_id: str) -> dict[str, str]:
    key = await make_key(Scope.FEEDBACK_READ, Scope.FEEDBACK_REVIEW, agency_id=uuid.UUID(agency_id))
    return bearer(key)


async def rejected(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], body: dict[str, Any]
) -> tuple[str, str]:
    response = await client.post(path, json=body, headers=headers)
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    return error["field"], error["type"]


# --- templates ----------------------------------------------------------------------------------


async def test_builtin_templates_are_listed_with_numbered_questions(
    feedback: httpx.AsyncClient, make_key: KeyMaker
) -> None:
    headers = bearer(await make_key(Scope.FEEDBACK_READ))

    response = await feedback.get("/api/v1/surveys/templates", headers=headers)

    assert response.status_code == 200, response.text
    templates = {t["code"]: t for t in response.json()["items"]}
    assert set(templates) == BUILTIN_CODES
    external = templates["service_satisfaction_external"]
    assert external["builtin"] is True
    assert external["agency_id"] is None
    assert external["audience"] == "external"
    assert external["methodology_form"] == "форма № 1 приложения № 3 к Методике ОС"
    assert templates["internal_client_satisfaction"]["audience"] == "internal"
    questions = external["questions"]
    assert [q["number"] for q in questions] == list(range(1, len(questions) + 1))
    first = questions[0]
    assert (first["kind"], first["scale_min"], first["scale_max"]) == ("rating", 1, 5)
    nps = next(q for q in questions if q["kind"] == "nps")
    assert (nps["scale_min"], nps["scale_max"]) == (0, 10)
    choice = next(q for q in questions if q["kind"] == "single_choice")
    assert choice["options"][0] == {"id": 1, "label": "Лично в ведомстве"}
    one = await feedback.get(f"/api/v1/surveys/templates/{external['id']}", headers=headers)
    assert one.json() == external


async def test_agency_template_is_seen_by_its_agency_only(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    own = await agency_headers(make_key, catalog.agency_id)
    other = await agency_headers(make_key, catalog.other_agency_id)

    created = await create_template(feedback, own)

    assert created["agency_id"] == catalog.agency_id
    assert created["builtin"] is False
    assert [q["number"] for q in created["questions"]] == [1, 2, 3, 4, 5]
    assert created["questions"][3]["required"] is False
    own_list = (await feedback.get("/api/v1/surveys/templates", headers=own)).json()["items"]
    other_list = (await feedback.get("/api/v1/surveys/templates", headers=other)).json()["items"]
    assert created["id"] in {t["id"] for t in own_list}
    assert {t["code"] for t in other_list} == BUILTIN_CODES
    path = f"/api/v1/surveys/templates/{created['id']}"
    assert (await feedback.get(path, headers=other)).status_code == 404
    assert (await feedback.get(path, headers=own)).status_code == 200


def _question(index: int, **fields: Any) -> dict[str, Any]:
    questions = [dict(q) for q in MFC_TEMPLATE["questions"]]
    questions[index].update(fields)
    return {**MFC_TEMPLATE, "questions": questions}


@pytest.mark.parametrize(
    ("body", "field", "type_"),
    [
        (_question(2, options=None), "questions[2].options", "invalid"),
        (_question(2, options=["Один"]), "questions[2].options", "invalid"),
        (_question(3, options=["Очередь", "очередь "]), "questions[3].options", "duplicate"),
        (_question(0, options=["1", "2"]), "questions[0].options", "invalid"),
        ({**MFC_TEMPLATE, "code": "consultation_quality"}, "code", "reserved_code"),
        ({**MFC_TEMPLATE, "agency_id": OTHER_AGENCY_ID}, "agency_id", "unknown_agency"),
    ],
    ids=["no-options", "one-option", "same-option", "rating-options", "builtin-code", "agency"],
)
async def test_template_rules_name_the_field(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    make_key: KeyMaker,
    body: dict[str, Any],
    field: str,
    type_: str,
) -> None:
    headers = await agency_headers(make_key, catalog.agency_id)

    assert await rejected(feedback, "/api/v1/surveys/templates", headers, body) == (field, type_)


async def test_template_code_is_unique_in_the_agency_and_an_unbound_key_names_the_agency(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    path = "/api/v1/surveys/templates"
    await create_template(feedback, admin_headers, agency_id=catalog.agency_id)

    again = await feedback.post(
        path, json={**MFC_TEMPLATE, "agency_id": catalog.agency_id}, headers=admin_headers
    )
    elsewhere = await create_template(feedback, admin_headers, agency_id=catalog.other_agency_id)

    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"
    assert elsewhere["code"] == MFC_TEMPLATE["code"]
    assert await rejected(feedback, path, admin_headers, MFC_TEMPLATE) == ("agency_id", "missing")


# --- runs ---------------------------------------------------------------------------------------


async def test_run_gets_a_permanent_public_link(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    run = await mfc_run(feedback, admin_headers, catalog)

    assert run["agency_id"] == catalog.agency_id
    assert run["service_id"] == catalog.service_id
    assert run["status"] == "open"
    assert run["ends_on"] is None
    assert run["template_code"] == "mfc_visit"
    assert len(run["token"]) >= 32
    assert run["public_url"] == f"/api/v1/public/surveys/{run['token']}"
    fetched = await feedback.get(f"/api/v1/surveys/runs/{run['id']}", headers=admin_headers)
    assert fetched.json() == run


async def test_run_of_a_builtin_template_for_the_agency_as_a_whole(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    headers = await agency_headers(make_key, catalog.agency_id)
    templates = (await feedback.get("/api/v1/surveys/templates", headers=headers)).json()
    internal = next(t for t in templates["items"] if t["code"] == "internal_client_satisfaction")

    run = await create_run(feedback, headers, template_id=internal["id"])

    assert run["agency_id"] == catalog.agency_id
    assert run["service_id"] is None
    assert run["template_title"] == "Удовлетворенность внутренних клиентов (сотрудников)"


async def test_run_rules_name_the_field(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    make_key: KeyMaker,
    admin_headers: dict[str, str],
) -> None:
    own = await agency_headers(make_key, catalog.agency_id)
    other_template = await create_template(
        feedback, admin_headers, agency_id=catalog.other_agency_id
    )
    template = await create_template(feedback, own)
    path = "/api/v1/surveys/runs"

    def body(**fields: Any) -> dict[str, Any]:
        start = today().isoformat()
        return {"template_id": template["id"], "title": "Опрос", "starts_on": start, **fields}

    unknown = "5d0b8a4e-0000-4000-8000-000000000000"
    assert await rejected(feedback, path, own, body(service_id=unknown)) == (
        "service_id",
        "unknown_service",
    )
    assert await rejected(feedback, path, own, body(service_id=catalog.other_service_id)) == (
        "service_id",
        "unknown_service",
    )
    mismatch = body(service_id=catalog.other_service_id, agency_id=catalog.agency_id)
    assert await rejected(feedback, path, admin_headers, mismatch) == (
        "service_id",
        "agency_mismatch",
    )
    assert await rejected(feedback, path, admin_headers, body(agency_id=unknown)) == (
        "agency_id",
        "unknown_agency",
    )
    assert await rejected(feedback, path, admin_headers, body()) == ("agency_id", "missing")
    assert await rejected(feedback, path, own, body(template_id=other_template["id"])) == (
        "template_id",
        "unknown_template",
    )
    assert await rejected(feedback, path, own, body(template_id=unknown)) == (
        "template_id",
        "unknown_template",
    )
    assert await rejected(
        feedback, path, own, body(starts_on="2026-12-10", ends_on="2026-12-01")
    ) == ("ends_on", "period")
    yesterday = (today() - timedelta(days=1)).isoformat()
    assert await rejected(feedback, path, own, body(starts_on="2020-01-01", ends_on=yesterday)) == (
        "ends_on",
        "past",
    )


async def test_runs_are_listed_newest_first_in_pages_and_filtered_by_status(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    first = await mfc_run(feedback, admin_headers, catalog)
    second = await create_run(
        feedback, admin_headers, template_id=first["template_id"], service_id=catalog.service_id
    )
    tomorrow = (today() + timedelta(days=1)).isoformat()
    later = await create_run(
        feedback, admin_headers, template_id=first["template_id"], agency_id=catalog.agency_id,
        starts_on=tomorrow,
    )  # fmt: skip
    path = "/api/v1/surveys/runs"
    headers = admin_headers

    page = (await feedback.get(f"{path}?limit=2", headers=headers)).json()
    rest = await feedback.get(f"{path}?limit=2&cursor={page['next_cursor']}", headers=headers)
    scheduled = await feedback.get(f"{path}?status=scheduled", headers=headers)
    of_service = await feedback.get(f"{path}?service_id={catalog.service_id}", headers=headers)
    bad_cursor = await feedback.get(f"{path}?cursor=WyJ4Il0", headers=headers)

    assert [r["id"] for r in page["items"]] == [later["id"], second["id"]]
    assert [r["id"] for r in rest.json()["items"]] == [first["id"]]
    assert rest.json()["next_cursor"] is None
    assert [r["id"] for r in scheduled.json()["items"]] == [later["id"]]
    assert later["status"] == "scheduled"
    assert [r["id"] for r in of_service.json()["items"]] == [second["id"], first["id"]]
    assert bad_cursor.status_code == 422
    assert bad_cursor.json()["errors"][0]["field"] == "cursor"


async def test_closing_a_run_stops_its_link_and_a_second_close_is_a_conflict(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    run = await mfc_run(feedback, admin_headers, catalog)
    close = f"/api/v1/surveys/runs/{run['id']}/close"

    closed = await feedback.post(close, headers=admin_headers)
    again = await feedback.post(close, headers=admin_headers)
    form = await feedback.get(run["public_url"])
    late = await answer(feedback, run, VALID_ANSWERS)

    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    assert closed.json()["closed_at"] is not None
    assert again.status_code == 409
    assert form.status_code == 409
    assert late.status_code == 409
    assert late.json()["code"] == "survey_closed"


async def test_another_agencys_run_and_results_are_not_found(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    own = await agency_headers(make_key, catalog.agency_id)
    other = await agency_headers(make_key, catalog.other_agency_id)
    run = await mfc_run(feedback, own, catalog)
    base = f"/api/v1/surveys/runs/{run['id']}"

    assert (await feedback.get(base, headers=other)).status_code == 404
    assert (await feedback.get(f"{base}/results", headers=other)).status_code == 404
    assert (await feedback.post(f"{base}/close", headers=other)).status_code == 404
    listed = await feedback.get(
        f"/api/v1/surveys/runs?agency_id={catalog.agency_id}", headers=other
    )
    assert listed.json()["items"] == []
    assert (await feedback.get("/api/v1/surveys/runs", headers=other)).json()["items"] == []
    assert (await feedback.get(f"{base}/results", headers=own)).status_code == 200


async def test_reading_runs_needs_a_key_with_the_feedback_read_scope(
    feedback: httpx.AsyncClient, make_key: KeyMaker
) -> None:
    plans_only = bearer(await make_key(Scope.PLANS_READ))

    assert (await feedback.get("/api/v1/surveys/runs")).status_code == 401
    assert (await feedback.get("/api/v1/surveys/runs", headers=plans_only)).status_code == 403


# --- results ------------------------------------------------------------------------------------


async def test_results_match_a_hand_count(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    run = await mfc_run(feedback, admin_headers, catalog)
    responses: list[list[Any]] = [
        [5, 10, 1, [1, 2], "Очень удобно"],
        [4, 9, 2, [2], "Позвоните мне +7 912 345-67-89"],
        [2, 3, 1, None, None],
        [5, 7, 3, [1, 2, 3], "   "],
    ]
    for index, values in enumerate(responses):
        answers = [{"question": n, "value": v} for n, v in enumerate(values, 1) if v is not None]
        sent = await answer(feedback, run, answers, respondent=f"respondent-{index:016d}")
        assert sent.status_code == 201, sent.text

    path = f"/api/v1/surveys/runs/{run['id']}/results"
    response = await feedback.get(path, headers=admin_headers)

    assert response.status_code == 200, response.text
    results = response.json()
    assert results["respondents"] == 4
    assert results["first_response_at"] <= results["last_response_at"]
    assert results["facts"] == {
        "link": f"http://testserver/api/v1/public/surveys/{run['token']}",
        "start_date": today().isoformat(),
        "end_date": today().isoformat(),
        "respondents": 4,
        "instrument": "Анкета «Оценка посещения МФЦ», вопросов: 5",
    }
    assert results["instrument"]["code"] == "mfc_visit"
    assert results["instrument"]["question_count"] == 5
    rating, nps, single, multiple, text = results["questions"]
    assert rating["answered"] == 4
    assert rating["average"] == 4.0
    assert [d["count"] for d in rating["distribution"]] == [0, 1, 0, 1, 2]
    assert nps["average"] == 7.25
    assert nps["nps"] == {"promoters": 2, "passives": 1, "detractors": 1, "score": 25.0}
    assert len(nps["distribution"]) == 11
    assert [(o["count"], o["percent"]) for o in single["options"]] == [
        (2, 50.0),
        (1, 25.0),
        (1, 25.0),
    ]
    assert multiple["answered"] == 3
    assert [(o["count"], o["percent"]) for o in multiple["options"]] == [
        (2, 66.7),
        (3, 100.0),
        (1, 33.3),
        (0, 0.0),
    ]
    assert text["answered"] == 2
    assert text["latest_texts"] == ["Позвоните мне [телефон]", "Очень удобно"]


async def test_results_of_a_run_without_answers(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    run = await mfc_run(feedback, admin_headers, catalog)

    results = (
        await feedback.get(f"/api/v1/surveys/runs/{run['id']}/results", headers=admin_headers)
    ).json()

    assert results["respondents"] == 0
    assert results["first_response_at"] is None
    rating, nps, single, _, text = results["questions"]
    assert (rating["answered"], rating["average"]) == (0, None)
    assert nps["nps"]["score"] is None
    assert single["options"][0]["percent"] == 0.0
    assert text["latest_texts"] == []


async def test_results_give_the_configured_survey_link(
    settings_overrides: dict[str, Any], catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    settings = FeedbackSettings(
        **settings_overrides, SURVEY_LINK_TEMPLATE="https://opros.example.ru/s/{token}"
    )
    async with running(create_app(settings)) as client:
        run = await mfc_run(client, admin_headers, catalog)
        path = f"/api/v1/surveys/runs/{run['id']}/results"
        results = (await client.get(path, headers=admin_headers)).json()

    assert results["facts"]["link"] == f"https://opros.example.ru/s/{run['token']}"
    with pytest.raises(ValidationError):
        FeedbackSettings(**settings_overrides, SURVEY_LINK_TEMPLATE="https://opros.example.ru/")


async def test_results_facts_end_on_the_day_the_run_closed(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    started = (today() - timedelta(days=40)).isoformat()
    run = await mfc_run(feedback, admin_headers, catalog, starts_on=started)
    assert (await answer(feedback, run, VALID_ANSWERS)).status_code == 201
    await feedback.post(f"/api/v1/surveys/runs/{run['id']}/close", headers=admin_headers)

    path = f"/api/v1/surveys/runs/{run['id']}/results"
    results = (await feedback.get(path, headers=admin_headers)).json()

    assert results["status"] == "closed"
    assert results["facts"]["start_date"] == started
    assert results["facts"]["end_date"] == today().isoformat()
    assert datetime.fromisoformat(results["as_of"]).tzinfo is not None
