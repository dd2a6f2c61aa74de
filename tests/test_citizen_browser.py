"""The citizens' pages in a real headless Chromium against feedback-api served by uvicorn on a
free local port: rate a touchpoint from its short link with JavaScript off and on, answer a
survey, rate the agency's answer, and check every page with axe-core."""

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from tests.browser_helpers import (
    choose,
    click,
    focused,
    location,
    press,
    require_axe,
    serious_violations,
    submit,
    text_of,
    type_into,
    visit,
    without_javascript,
)
from tests.feedback_helpers import feedback_body
from tests.headless import CHROMIUM_NAMES, Page, chromium_page, require_tool
from tests.page_helpers import Touchpoint, create_touchpoint
from tests.processes import OtklikProcess, Processes
from tests.review_helpers import Desk
from tests.survey_helpers import mfc_run

# where to keep the screenshots for a person to look at (e.g. OTKLIK_SCREENSHOTS=/tmp/shots)
SCREENSHOTS = os.environ.get("OTKLIK_SCREENSHOTS")


@pytest.fixture
async def server(tmp_path: Path, settings_overrides: dict[str, Any]) -> AsyncIterator[str]:
    """`otklik serve feedback-api` (uvicorn) on 127.0.0.1 and a free port."""
    require_tool(*CHROMIUM_NAMES)
    env = {**os.environ, **{name: str(value) for name, value in settings_overrides.items()}}
    processes = Processes(tmp_path, env)
    try:
        served: OtklikProcess = processes.otklik("feedback-api")
        await served.wait_ready()
        yield served.url
    finally:
        processes.close()


@pytest.fixture
async def touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    desk: Desk,
) -> Touchpoint:
    return await create_touchpoint(plans, plans_app, feedback_settings, admin_headers, desk.catalog)


def keep_screenshot(page: Page, name: str) -> None:
    shot = page.screenshot()
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        shot.save(Path(SCREENSHOTS) / f"{name}.png")


def rate(page: Page, *, score: int, comment: str) -> None:
    click(page, f"label[for=rating-{score}]")
    choose(page, "#stage", "application")
    click(page, "details.criteria summary")
    click(page, "label[for=c_staff_courtesy-5]")
    type_into(page, "#comment", comment)
    click(page, "label[for=answer_requested]")


async def reviewed(client: httpx.AsyncClient, desk: Desk) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/feedback", headers=desk.reviewer)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_a_citizen_rates_a_touchpoint_from_its_short_link_without_javascript(
    server: str, touchpoint: Touchpoint, feedback: httpx.AsyncClient, desk: Desk
) -> None:
    with chromium_page() as page:
        without_javascript(page)
        visit(page, server + touchpoint.path)
        keep_screenshot(page, "rating-page")
        submit(page)
        keep_screenshot(page, "rating-page-errors")
        empty = text_of(page)
        rate(page, score=2, comment="Долго ждали у окна № 3")
        submit(page)
        thanks, landed = text_of(page), location(page)

    assert "Проверьте, пожалуйста, ответы" in empty
    assert "Выберите общую оценку от 1 до 5" in empty
    assert "Спасибо за отзыв!" in thanks
    assert "Ответ будет дан не позднее" in thanks
    assert landed.startswith("/a/")
    [item] = await reviewed(feedback, desk)
    assert (item["rating"], item["channel"], item["touchpoint_id"]) == (2, "mfc", touchpoint.id)
    assert item["criteria"]["staff_courtesy"] == 5
    assert item["comment"] == "Долго ждали у окна № 3"


async def test_a_citizen_rates_a_touchpoint_with_javascript_on(
    server: str, touchpoint: Touchpoint, feedback: httpx.AsyncClient, desk: Desk
) -> None:
    with chromium_page() as page:
        visit(page, server + touchpoint.path)
        scripted = page.evaluate("document.querySelector('form.js-once') !== null")
        rate(page, score=5, comment="Всё быстро, спасибо")
        submit(page)
        thanks = text_of(page)

    assert scripted
    assert "Спасибо за отзыв!" in thanks
    [item] = await reviewed(feedback, desk)
    assert item["rating"] == 5


async def test_the_rating_page_works_from_the_keyboard_with_a_visible_focus(
    server: str, touchpoint: Touchpoint
) -> None:
    with chromium_page() as page:
        without_javascript(page)
        visit(page, server + touchpoint.path)
        press(page, "Tab")
        skip = focused(page)
        for _ in range(10):
            press(page, "Tab")
            if focused(page)["name"] == "rating":
                break
        first_star = focused(page)
        press(page, "ArrowRight")
        second_star = focused(page)
        checked = page.evaluate("document.querySelector('input[name=rating]:checked').value")

    assert skip["tag"] == "a"
    assert skip["outline"] == "solid"
    assert first_star["id"] == "rating-1"
    assert first_star["outline"] == "solid"
    assert second_star["id"] == "rating-2"
    assert checked == "2"


async def test_a_survey_answered_in_the_browser_shows_in_the_runs_results(
    server: str, feedback: httpx.AsyncClient, desk: Desk, admin_headers: dict[str, str]
) -> None:
    run = await mfc_run(feedback, admin_headers, desk.catalog)

    with chromium_page() as page:
        without_javascript(page)
        visit(page, server + run["public_url"])
        keep_screenshot(page, "survey-form")
        click(page, "label[for=q1-4]")
        click(page, "label[for=q2-9]")
        click(page, "label[for=q3-2]")
        click(page, "label[for=q4-1]")
        type_into(page, "#q5", "Больше окон приёма")
        submit(page)
        thanks = text_of(page)

    assert "Спасибо! Ваши ответы приняты" in thanks
    response = await feedback.get(
        f"/api/v1/surveys/runs/{run['id']}/results", headers=admin_headers
    )
    results = response.json()
    assert results["respondents"] == 1
    assert results["questions"][0]["average"] == 4


async def answered_feedback(client: httpx.AsyncClient, desk: Desk) -> dict[str, Any]:
    body = feedback_body(desk.catalog, rating=2, answer_requested=True)
    receipt: dict[str, Any] = (
        await client.post("/api/v1/feedback", json=body, headers=desk.portal)
    ).json()
    answered = await client.post(
        f"/api/v1/feedback/{receipt['id']}/answer",
        json={"text": "Мы открыли второе окно приёма."},
        headers=desk.reviewer,
    )
    assert answered.status_code == 200, answered.text
    return receipt


async def test_the_answer_page_shows_the_answer_and_records_the_citizens_rating(
    server: str,
    feedback: httpx.AsyncClient,
    desk: Desk,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    receipt = await answered_feedback(feedback, desk)

    with chromium_page() as page:
        without_javascript(page)
        visit(page, server + receipt["answer_url"])
        keep_screenshot(page, "answer-page")
        shown = text_of(page)
        click(page, "label[for=satisfied-yes]")
        type_into(page, "#comment", "Спасибо, помогло")
        submit(page)
        after = text_of(page)

    assert "Мы открыли второе окно приёма." in shown
    assert "Ваша оценка ответа записана" in after
    assert "Вы оценили этот ответ: устроил." in after
    async with sessionmaker() as session:
        recorded = (
            await session.execute(
                text("SELECT feedback_id, satisfied FROM feedback.answer_ratings")
            )
        ).all()
    assert [tuple(row) for row in recorded] == [(uuid.UUID(receipt["id"]), True)]


async def test_every_citizen_page_has_no_serious_accessibility_violations(
    server: str,
    touchpoint: Touchpoint,
    feedback: httpx.AsyncClient,
    desk: Desk,
    admin_headers: dict[str, str],
) -> None:
    axe = require_axe()
    run = await mfc_run(feedback, admin_headers, desk.catalog)
    receipt = await answered_feedback(feedback, desk)
    found: dict[str, list[str]] = {}

    def check(name: str) -> None:
        found[name] = serious_violations(page, axe)

    with chromium_page() as page:
        visit(page, server + touchpoint.path)
        check("rating form")
        submit(page)
        check("rating form with errors")
        click(page, "label[for=rating-4]")
        choose(page, "#stage", "application")
        submit(page)
        check("thank-you page")
        visit(page, server + touchpoint.path)
        click(page, "label[for=rating-4]")
        choose(page, "#stage", "application")
        submit(page)
        check("already rated today")
        visit(page, server + run["public_url"])
        check("survey form")
        submit(page)
        check("survey form with errors")
        for label in ("q1-5", "q2-10", "q3-1"):
            click(page, f"label[for={label}]")
        submit(page)
        check("survey thank-you page")
        visit(page, server + receipt["answer_url"])
        check("answer page with the agency's answer")
        submit(page)
        check("answer rating with errors")
        visit(page, server + "/r/zzzzzzzzzzzzzzzzzzzzzz")
        check("not found")
        # the check itself finds what it must: a field without a label
        visit(page, "data:text/html,<html lang=ru><title>t</title><main><input></main></html>")
        unlabeled = serious_violations(page, axe)

    assert found == {name: [] for name in found}
    assert len(found) == 10
    assert any(v.startswith("label") for v in unlabeled)
