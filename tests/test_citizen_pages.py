"""The citizens' pages through HTTP as a browser uses them: the rating page behind a
touchpoint's short link, the private answer page of a receipt, and their rules."""

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.app import create_app
from feedback_api.config import FeedbackSettings
from feedback_api.pages.housekeeping import prune_touchpoint_ratings_job
from feedback_api.pages.links import short_code
from tests.feedback_helpers import feedback_body
from tests.page_helpers import MFC_NAME, Touchpoint, create_touchpoint, open_form, post_form
from tests.review_helpers import Desk

CSP = "default-src 'none'"


@pytest.fixture
async def touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    desk: Desk,
) -> Touchpoint:
    return await create_touchpoint(plans, plans_app, feedback_settings, admin_headers, desk.catalog)


def rating_fields(form: dict[str, str], **fields: Any) -> dict[str, Any]:
    return {**form, "stage": "application", "rating": "2", **fields}


async def listed(client: httpx.AsyncClient, desk: Desk) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/feedback", headers=desk.reviewer)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_rating_page_is_russian_accessible_html_with_a_strict_policy(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint
) -> None:
    response = await feedback.get(touchpoint.path)

    assert response.status_code == 200
    html = response.text
    assert '<html lang="ru">' in html
    assert MFC_NAME.replace("«", "&#171;") in html or "Мои документы" in html
    assert "<fieldset" in html
    assert "<legend>Общая оценка" in html
    assert 'for="rating-5"' in html
    assert "Я хочу получить ответ" in html
    assert response.headers["content-security-policy"].startswith(CSP)
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "otklik_respondent=" in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()


async def test_a_posters_link_with_tracking_tags_opens_the_rating_page(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint
) -> None:
    # pages for people tolerate parameters they do not read (the API refuses them: SECURITY.md)
    tags = {"utm_source": "poster", "utm_medium": "qr"}
    tagged = await feedback.get(touchpoint.path, params=tags)

    assert tagged.status_code == 200, tagged.text
    assert "<legend>Общая оценка" in tagged.text


async def test_rating_form_makes_one_feedback_through_ingest_with_the_touchpoints_channel(
    feedback: httpx.AsyncClient,
    touchpoint: Touchpoint,
    desk: Desk,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    form = await open_form(feedback, touchpoint.path)
    fields = rating_fields(
        form, comment="Долго ждали в очереди", answer_requested="1", c_queue_wait="1"
    )

    first = await post_form(feedback, touchpoint.path, fields)
    resent = await post_form(feedback, touchpoint.path, fields)

    assert first.status_code == 303, first.text
    assert first.headers["location"].startswith("/a/")
    assert first.headers["location"].endswith("?sent=1")
    assert resent.status_code == 303
    assert resent.headers["location"] == first.headers["location"]
    [item] = await listed(feedback, desk)
    assert item["channel"] == "mfc"
    assert item["touchpoint_id"] == touchpoint.id
    assert item["service_id"] == desk.catalog.service_id
    assert (item["rating"], item["criteria"]["queue_wait"]) == (2, 1)
    assert item["answer_requested"] is True
    assert item["needs_review"] is True
    async with sessionmaker() as session:
        events = await session.scalar(
            text("SELECT count(DISTINCT event_id) FROM feedback.outbox WHERE type = :t"),
            {"t": "feedback.received"},
        )
    assert events == 1
    thanks = await feedback.get(first.headers["location"])
    assert thanks.status_code == 200
    assert "Спасибо за отзыв!" in thanks.text
    assert "Ответ будет дан не позднее" in thanks.text


async def test_second_rating_of_the_day_from_one_browser_gets_a_friendly_message(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint, desk: Desk
) -> None:
    first = await post_form(
        feedback, touchpoint.path, rating_fields(await open_form(feedback, touchpoint.path))
    )
    second = await post_form(
        feedback, touchpoint.path, rating_fields(await open_form(feedback, touchpoint.path))
    )

    assert first.status_code == 303
    assert second.status_code == 409
    assert "Вы уже оценили это место сегодня" in second.text
    assert len(await listed(feedback, desk)) == 1


async def test_invalid_rating_form_names_each_field_in_russian_and_keeps_the_values(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint, desk: Desk
) -> None:
    form = await open_form(feedback, touchpoint.path)
    fields = {
        **form,
        "stage": "application",
        "comment": "Мой комментарий",
        "email": "не-почта",
        "answer_requested": "1",
    }

    response = await post_form(feedback, touchpoint.path, fields)

    assert response.status_code == 422
    html = response.text
    assert 'class="error-summary"' in html
    assert 'href="#rating-1"' in html
    assert "Выберите общую оценку от 1 до 5" in html
    assert 'href="#email"' in html
    assert "Проверьте адрес электронной почты" in html
    assert 'aria-invalid="true"' in html
    assert ">Мой комментарий</textarea>" in html
    assert 'value="не-почта"' in html
    assert await listed(feedback, desk) == []


async def test_contact_without_consent_is_refused_and_nothing_is_stored(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint, desk: Desk
) -> None:
    form = await open_form(feedback, touchpoint.path)

    response = await post_form(
        feedback, touchpoint.path, rating_fields(form, email="citizen@example.org")
    )

    assert response.status_code == 422
    assert "Отметьте согласие" in response.text
    assert await listed(feedback, desk) == []


async def test_touchpoint_serving_several_services_lets_the_citizen_choose(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    feedback: httpx.AsyncClient,
    desk: Desk,
) -> None:
    several = await create_touchpoint(
        plans, plans_app, feedback_settings, admin_headers, desk.catalog, extra_services=1
    )
    page = await feedback.get(several.path)
    form = await open_form(feedback, several.path)

    unchosen = await post_form(feedback, several.path, rating_fields(form))

    assert page.text.count('name="service"') == 2
    assert unchosen.status_code == 422
    assert "Выберите услугу из списка" in unchosen.text


async def test_forged_respondent_token_is_refused(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint, desk: Desk
) -> None:
    form = await open_form(feedback, touchpoint.path)
    feedback.cookies.clear()
    forged = {**rating_fields(form), "respondent": form["respondent"][:-2] + "xx"}

    response = await post_form(feedback, touchpoint.path, forged)

    assert response.status_code == 400
    assert "Страница устарела" in response.text
    assert await listed(feedback, desk) == []


async def test_unknown_short_link_is_a_russian_404_page(feedback: httpx.AsyncClient) -> None:
    response = await feedback.get("/r/zzzzzzzzzzzzzzzzzzzzzz")

    assert response.status_code == 404
    assert "Страница оценки не найдена" in response.text


async def test_receipt_gives_a_private_answer_link_kept_only_masked_for_replays(
    feedback: httpx.AsyncClient, desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    body = feedback_body(desk.catalog, rating=2, answer_requested=True)
    headers = {**desk.portal, "Idempotency-Key": "portal-000123"}

    first = await feedback.post("/api/v1/feedback", json=body, headers=headers)
    replayed = await feedback.post("/api/v1/feedback", json=body, headers=headers)

    link = first.json()["answer_url"]
    assert link.startswith("/a/")
    assert len(link) == len("/a/") + 43
    assert replayed.headers["idempotent-replayed"] == "true"
    assert replayed.json()["answer_url"] == link
    async with sessionmaker() as session:
        kept = await session.scalar(text("SELECT response FROM feedback.idempotency_keys"))
        hashes = await session.scalar(text("SELECT answer_token_hash FROM feedback.feedback"))
    assert link[3:] not in kept
    assert link[3:] not in hashes
    page = await feedback.get(link)
    assert page.status_code == 200
    assert "Получен, готовится ответ" in page.text
    assert "Ответа пока нет" in page.text
    guessed = await feedback.get(link[:-4] + ("AAAA" if not link.endswith("AAAA") else "BBBB"))
    assert guessed.status_code == 404


async def test_answer_page_shows_the_answer_and_records_one_rating_with_its_event(
    feedback: httpx.AsyncClient, desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    body = feedback_body(desk.catalog, rating=2, answer_requested=True)
    receipt = (await feedback.post("/api/v1/feedback", json=body, headers=desk.portal)).json()
    answered = await feedback.post(
        f"/api/v1/feedback/{receipt['id']}/answer",
        json={"text": "Мы добавили окно приёма."},
        headers=desk.reviewer,
    )
    assert answered.status_code == 200, answered.text
    link = receipt["answer_url"]

    page = await feedback.get(link)
    unrated = await post_form(feedback, link, {"comment": "без выбора"})
    rated = await post_form(feedback, link, {"satisfied": "no", "comment": "Окно не работает"})
    again = await post_form(feedback, link, {"satisfied": "yes"})
    after = await feedback.get(rated.headers["location"])

    assert "Мы добавили окно приёма." in page.text
    assert "Вас устроил ответ?" in page.text
    assert unrated.status_code == 422
    assert "Выберите, устроил ли вас ответ" in unrated.text
    assert rated.status_code == 303
    assert again.status_code == 409
    assert "Вы уже оценили этот ответ" in again.text
    assert "Вы оценили этот ответ: не устроил." in after.text
    async with sessionmaker() as session:
        rows = (
            await session.execute(
                text("SELECT satisfied, comment, answer_number FROM feedback.answer_ratings")
            )
        ).all()
        payloads = (
            await session.scalars(
                text("SELECT payload FROM feedback.outbox WHERE type = 'feedback.answer_rated'")
            )
        ).all()
    assert [tuple(r) for r in rows] == [(False, "Окно не работает", 1)]
    assert payloads
    assert {p["satisfied"] for p in payloads} == {False}
    assert {p["feedback_id"] for p in payloads} == {receipt["id"]}
    assert {p["channel"] for p in payloads} == {"regional_portal"}


async def test_a_posters_preset_service_and_stage_need_no_choice(
    feedback: httpx.AsyncClient, touchpoint: Touchpoint, desk: Desk
) -> None:
    service = short_code(uuid.UUID(desk.catalog.service_id))
    preset = f"{touchpoint.path}?s={service}&stage=result"
    page = await feedback.get(preset)
    form = await open_form(feedback, preset)

    posted = await post_form(feedback, preset, {**form, "rating": "5"})

    assert '<select name="stage"' not in page.text
    assert form["stage"] == "result"
    assert posted.status_code == 303, posted.text
    [item] = await listed(feedback, desk)
    assert item["stage"] == "result"


async def test_the_day_old_memory_of_ratings_is_pruned(
    feedback: httpx.AsyncClient,
    touchpoint: Touchpoint,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post_form(
        feedback, touchpoint.path, rating_fields(await open_form(feedback, touchpoint.path))
    )
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE feedback.touchpoint_ratings SET day = day - 3"),
        )

    pruned = await prune_touchpoint_ratings_job({"sessionmaker": sessionmaker})
    again = await post_form(
        feedback, touchpoint.path, rating_fields(await open_form(feedback, touchpoint.path))
    )

    assert pruned == 1
    assert again.status_code == 303


@pytest.mark.parametrize(
    "secret",
    [None, "short", "REPLACE_ME_PUBLIC_PAGES_SECRET", "dev-only-public-pages-secret-do-not-use"],
)
def test_production_refuses_to_start_without_a_real_pages_secret(
    settings_overrides: dict[str, Any], secret: str | None
) -> None:
    overrides = {**settings_overrides, "OTKLIK_ENV": "production"}
    if secret is not None:
        overrides["PUBLIC_PAGES_SECRET"] = secret

    with pytest.raises(ValueError, match="PUBLIC_PAGES_SECRET"):
        FeedbackSettings(**overrides)
    real = FeedbackSettings(**{**overrides, "PUBLIC_PAGES_SECRET": "k" * 48})
    assert real.pages_secret() == b"k" * 48


async def test_a_rating_without_a_question_is_told_no_answer_is_due(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    body = feedback_body(desk.catalog, rating=5, comment=None)
    receipt = (await feedback.post("/api/v1/feedback", json=body, headers=desk.portal)).json()

    page = await feedback.get(receipt["answer_url"])

    assert "Ответ на этот отзыв не требуется" in page.text
    assert "Министерство соцзащиты" in page.text
    assert "Ответа пока нет" not in page.text


@pytest.fixture
async def limited(settings_overrides: dict[str, Any]) -> AsyncIterator[FastAPI]:
    app = create_app(FeedbackSettings(**settings_overrides, SURVEY_RATE_LIMIT_PER_MINUTE=1))
    # the limit counts per minute of the clock: start well inside one, so hits are not split
    if (second := time.time() % 60) > 55:
        await asyncio.sleep(60.5 - second)
    async with app.router.lifespan_context(app):
        yield app


async def test_too_many_posts_from_one_address_get_a_russian_429_page(
    limited: FastAPI, touchpoint: Touchpoint
) -> None:
    transport = httpx.ASGITransport(app=limited, client=("10.0.3.3", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        first = await post_form(
            browser, touchpoint.path, rating_fields(await open_form(browser, touchpoint.path))
        )
        browser.cookies.clear()
        second = await post_form(
            browser, touchpoint.path, rating_fields(await open_form(browser, touchpoint.path))
        )

    assert first.status_code == 303
    assert second.status_code == 429
    assert "Слишком много отправок" in second.text
    assert 1 <= int(second.headers["retry-after"]) <= 60


async def test_a_touchpoint_without_services_is_rated_for_the_agency_on_its_own_channel(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    feedback: httpx.AsyncClient,
    desk: Desk,
) -> None:
    hotline = await create_touchpoint(
        plans,
        plans_app,
        feedback_settings,
        admin_headers,
        desk.catalog,
        kind="contact_center",
        is_digital=False,
        name="Горячая линия министерства",
        service_ids=[],
    )
    form = await open_form(feedback, hotline.path)

    posted = await post_form(feedback, hotline.path, {**form, "rating": "4"})

    assert posted.status_code == 303, posted.text
    [item] = await listed(feedback, desk)
    assert (item["channel"], item["service_id"], item["stage"]) == ("contact_center", None, None)
    assert item["agency_id"] == desk.catalog.agency_id
