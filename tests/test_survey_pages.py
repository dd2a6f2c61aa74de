"""The survey at its permanent public link as a browser and an API client meet it: the HTML
form by content negotiation, its post without JavaScript, and server-issued respondent tokens
(client-chosen ones no longer let one address outvote a survey)."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from tests.feedback_helpers import Catalog
from tests.page_helpers import open_form, post_form
from tests.survey_helpers import VALID_ANSWERS, answer, create_run, mfc_run, today

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


async def results(
    client: httpx.AsyncClient, run: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    response = await client.get(f"/api/v1/surveys/runs/{run['id']}/results", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_the_link_serves_browsers_html_and_api_clients_json(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    page = await feedback.get(run["public_url"], headers=BROWSER)
    api = await feedback.get(run["public_url"], headers={"Accept": "application/json"})
    default = await feedback.get(run["public_url"])

    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="ru">' in page.text
    assert "Оцените посещение МФЦ в целом" in page.text
    assert 'type="checkbox" name="q4"' in page.text
    assert 'name="respondent" value="v1.' in page.text
    assert api.json()["title"] == run["title"]
    assert default.headers["content-type"] == "application/json"


async def test_a_browser_answers_without_javascript_and_the_answers_reach_the_results(
    feedback: httpx.AsyncClient, run: dict[str, Any], admin_headers: dict[str, str]
) -> None:
    form = await open_form(feedback, run["public_url"])
    fields = {**form, "q1": "4", "q2": "9", "q3": "2", "q4": ["1", "3"], "q5": "Больше окон"}

    posted = await post_form(feedback, run["public_url"] + "/form", fields)
    thanks = await feedback.get(posted.headers["location"])
    again = await feedback.get(run["public_url"], headers=BROWSER)

    assert posted.status_code == 303, posted.text
    assert "Спасибо! Ваши ответы приняты" in thanks.text
    assert again.status_code == 409
    assert "Вы уже ответили на этот опрос" in again.text
    summary = await results(feedback, run, admin_headers)
    assert summary["respondents"] == 1
    questions = {q["number"]: q for q in summary["questions"]}
    assert questions[1]["average"] == 4
    assert {o["id"]: o["count"] for o in questions[4]["options"]}[3] == 1


async def test_invalid_html_answers_are_named_next_to_their_questions_with_values_kept(
    feedback: httpx.AsyncClient, run: dict[str, Any], admin_headers: dict[str, str]
) -> None:
    form = await open_form(feedback, run["public_url"])

    posted = await post_form(
        feedback, run["public_url"] + "/form", {**form, "q2": "12", "q5": "Оставить как есть"}
    )

    assert posted.status_code == 422
    assert 'href="#q1-1"' in posted.text
    assert "Ответьте, пожалуйста, на этот вопрос" in posted.text
    assert 'href="#q2-0"' in posted.text
    assert ">Оставить как есть</textarea>" in posted.text
    assert (await results(feedback, run, admin_headers))["respondents"] == 0


async def test_closed_and_not_started_runs_have_russian_pages(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    closed = await mfc_run(feedback, admin_headers, catalog)
    await feedback.post(f"/api/v1/surveys/runs/{closed['id']}/close", headers=admin_headers)
    later = await create_run(
        feedback,
        admin_headers,
        template_id=closed["template_id"],
        service_id=catalog.service_id,
        starts_on=(today() + timedelta(days=3)).isoformat(),
    )

    ended = await feedback.get(closed["public_url"], headers=BROWSER)
    scheduled = await feedback.get(later["public_url"], headers=BROWSER)

    assert ended.status_code == 409
    assert "Опрос завершён" in ended.text
    assert scheduled.status_code == 404
    assert "ещё не начался" in scheduled.text


async def test_client_chosen_respondent_tokens_are_refused_naming_the_field(
    feedback: httpx.AsyncClient, run: dict[str, Any]
) -> None:
    response = await answer(
        feedback, run, VALID_ANSWERS, raw_token="b6f0c1d2-8e4a-4f6b-9c3d-2a1e0f9b8c7d"
    )

    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "invalid_respondent_token"
    assert problem["errors"][0]["field"] == "respondent_token"


async def test_a_token_of_one_survey_does_not_answer_another(
    feedback: httpx.AsyncClient, catalog: Catalog, admin_headers: dict[str, str]
) -> None:
    first = await mfc_run(feedback, admin_headers, catalog)
    second = await create_run(
        feedback, admin_headers, template_id=first["template_id"], service_id=catalog.service_id
    )
    issued = await feedback.post(f"{first['public_url']}/respondent-token")

    elsewhere = await answer(
        feedback, second, VALID_ANSWERS, raw_token=issued.json()["respondent_token"]
    )
    own = await answer(feedback, first, VALID_ANSWERS, raw_token=issued.json()["respondent_token"])

    assert issued.status_code == 201
    assert elsewhere.status_code == 422
    assert own.status_code == 201


def client_at(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def served(feedback_settings: FeedbackSettings) -> AsyncIterator[FastAPI]:
    app = create_app(feedback_settings)
    async with app.router.lifespan_context(app):
        yield app


async def test_ten_fresh_tokens_from_one_address_no_longer_move_a_surveys_average(
    served: FastAPI, run: dict[str, Any], admin_headers: dict[str, str]
) -> None:
    """Before: 10 client-chosen tokens from one address took the average of 3, 3, 4 (3.33) to
    1.54. Now an address gets SURVEY_TOKENS_PER_ADDRESS_PER_DAY (3) fresh tokens a survey a day."""
    for number, score in enumerate((3, 3, 4)):
        async with client_at(served, f"10.0.1.{number + 1}") as citizen:
            issued = (await citizen.post(f"{run['public_url']}/respondent-token")).json()
            body = {"question": 1, "rating": score}
            answers = [body, *VALID_ANSWERS[1:]]
            sent = await answer(citizen, run, answers, raw_token=issued["respondent_token"])
            assert sent.status_code == 201, sent.text

    statuses = []
    async with client_at(served, "10.0.9.9") as attacker:
        for _ in range(10):
            issued = await attacker.post(f"{run['public_url']}/respondent-token")
            statuses.append(issued.status_code)
            if issued.status_code == 201:
                token = issued.json()["respondent_token"]
                answers = [{"question": 1, "rating": 1}, *VALID_ANSWERS[1:]]
                assert (await answer(attacker, run, answers, raw_token=token)).status_code == 201
        forged = await answer(attacker, run, VALID_ANSWERS, raw_token="forged-token-0000000000")

    assert statuses == [201] * 3 + [429] * 7
    assert forged.status_code == 422
    async with client_at(served, "10.0.0.200") as operator:
        summary = await results(operator, run, admin_headers)
    assert summary["respondents"] == 6
    average = next(q["average"] for q in summary["questions"] if q["number"] == 1)
    assert average == pytest.approx(13 / 6, abs=0.01)
    assert average > 2


async def test_an_address_over_its_fresh_tokens_gets_a_russian_429_page(
    served: FastAPI, run: dict[str, Any]
) -> None:
    pages = []
    for _ in range(4):
        # a browser without cookies: every visit asks for a fresh token
        async with client_at(served, "10.0.7.7") as browser:
            pages.append(await browser.get(run["public_url"], headers=BROWSER))

    assert [p.status_code for p in pages] == [200, 200, 200, 429]
    assert "Слишком много отправок" in pages[3].text
    assert pages[3].headers["retry-after"].isdigit()
