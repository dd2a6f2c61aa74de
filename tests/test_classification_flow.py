"""Comments classified by the reporting worker: counted per pain category, quoted without
personal data, and the categories carried back to feedback-api for operators to filter by."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER as FEEDBACK_WORKER
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from reporting_worker.classification.recording import QUOTES_PER_KEY_DAY
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain, drain_worker
from tests.feedback_helpers import Catalog, feedback_body

QUEUE_COMPLAINT = "Простояла в очереди два часа, талонов нет, окно работало одно"
RUDE_COMPLAINT = "Сотрудник нагрубил и отказался объяснять, позвоните мне +7 912 345-67-89"
PRAISE = "Всё отлично, быстро и вежливо, спасибо большое"


async def relay_all(app: FastAPI) -> None:
    relay: OutboxRelay = app.state.outbox_relay
    while await relay.relay_once():
        pass


async def rows(sessionmaker: async_sessionmaker[AsyncSession], sql: str) -> list[tuple[Any, ...]]:
    async with sessionmaker() as session:
        return [tuple(row) for row in (await session.execute(text(sql))).all()]


async def post_all(
    feedback: httpx.AsyncClient, portal: dict[str, str], bodies: list[dict[str, Any]]
) -> list[str]:
    ids = []
    for body in bodies:
        response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


async def test_comments_are_counted_per_category_and_quoted_without_contacts(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    portal: dict[str, str],
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post_all(
        feedback,
        portal,
        [
            feedback_body(catalog, rating=1, comment=QUEUE_COMPLAINT),
            feedback_body(catalog, rating=2, comment=RUDE_COMPLAINT),
            feedback_body(catalog, rating=5, comment=PRAISE),
            feedback_body(catalog, rating=4, comment=None),
        ],
    )
    await relay_all(feedback_app)
    await drain_worker(reporting_settings)

    categories = {
        category: (comments, negative, rating_sum)
        for category, comments, negative, rating_sum in await rows(
            sessionmaker,
            "SELECT category, sum(comments), sum(negative), sum(rating_sum)"
            " FROM reporting.feedback_category_daily GROUP BY category",
        )
    }
    assert categories["waiting_time"] == (1, 1, 1)
    assert categories["staff_conduct"] == (1, 1, 2)
    assert categories["praise"] == (1, 0, 5)
    [sentiments] = await rows(
        sessionmaker,
        "SELECT sum(comments), sum(sentiment_negative), sum(sentiment_neutral),"
        " sum(sentiment_positive), sum(responses) FROM reporting.feedback_daily",
    )
    assert sentiments == (3, 2, 0, 1, 4)

    quotes = await rows(
        sessionmaker, "SELECT text, rating, sentiment FROM reporting.comment_quotes ORDER BY rating"
    )
    # one key and day, three comments: all kept, the negative ones first in preference
    assert [(rating, sentiment) for _, rating, sentiment in quotes] == [
        (1, "negative"),
        (2, "negative"),
        (5, "positive"),
    ]
    assert "345-67-89" not in quotes[1][0]


async def test_quotes_are_bounded_per_key_and_day_preferring_complaints(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    portal: dict[str, str],
    reporting_settings: ReportingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    praise = [feedback_body(catalog, rating=5, comment=PRAISE) for _ in range(4)]
    complaints = [feedback_body(catalog, rating=1, comment=QUEUE_COMPLAINT) for _ in range(2)]
    await post_all(feedback, portal, praise + complaints)
    await relay_all(feedback_app)
    await drain_worker(reporting_settings)

    quotes = await rows(sessionmaker, "SELECT rating FROM reporting.comment_quotes ORDER BY rating")
    assert QUOTES_PER_KEY_DAY == 3
    assert [rating for (rating,) in quotes] == [1, 1, 5]


@pytest.mark.usefixtures("reporting")  # the reporting app started: its outbox relay exists
async def test_categories_reach_feedback_api_for_filtering(
    catalog: Catalog,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_app: FastAPI,
    portal: dict[str, str],
    make_key: KeyMaker,
    reporting_settings: ReportingSettings,
) -> None:
    queue_id, rude_id, praise_id = await post_all(
        feedback,
        portal,
        [
            feedback_body(catalog, rating=1, comment=QUEUE_COMPLAINT),
            feedback_body(catalog, rating=2, comment=RUDE_COMPLAINT),
            feedback_body(catalog, rating=5, comment=PRAISE),
        ],
    )
    await relay_all(feedback_app)
    await drain_worker(reporting_settings)
    await relay_all(reporting_app)  # the reporting API process runs its outbox relay
    await drain(FEEDBACK_WORKER, feedback_settings)

    reader = bearer(await make_key(Scope.FEEDBACK_READ))
    listed = await feedback.get(
        "/api/v1/feedback", params={"category": "waiting_time"}, headers=reader
    )
    assert listed.status_code == 200, listed.text
    assert [item["id"] for item in listed.json()["items"]] == [queue_id]
    rude = (await feedback.get(f"/api/v1/feedback/{rude_id}", headers=reader)).json()
    assert "staff_conduct" in rude["categories"]
    assert rude["sentiment"] == "negative"
    praised = (await feedback.get(f"/api/v1/feedback/{praise_id}", headers=reader)).json()
    assert praised["categories"] == ["praise"]
    assert praised["sentiment"] == "positive"
