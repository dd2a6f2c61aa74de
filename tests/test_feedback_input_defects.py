"""Issue 15, feedback side: input that gave 5xx, the review rule for a low rating with an
answer requested and no comment, and the interaction time (default, clock skew, Moscow)."""

import base64
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.app import create_app as create_feedback_app
from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER
from otklik_shared.measures import MOSCOW
from tests.conftest import running
from tests.feedback_helpers import feedback_body
from tests.review_helpers import Desk, post_feedback
from tests.test_feedback_fast_path import without_fast_path

LISTS = [
    "/api/v1/feedback",
    "/api/v1/feedback/overdue",
    "/api/v1/feedback/export.csv",
    "/api/v1/feedback/export.xlsx",
]


@pytest.fixture
async def route_only(feedback_settings: FeedbackSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_feedback_app(feedback_settings)
    without_fast_path(app)
    async with running(app) as client:
        yield client


def problem_fields(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [(e["location"], e["field"]) for e in response.json()["errors"]]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "q",
    [
        " ".join(["-"] * 40) + " очередь",
        "-" * 33 + "очередь",
        " ".join(f"-слово{i}" for i in range(40)),
        " ".join(f"слово{i}" for i in range(40)),
    ],
    ids=["spaced minuses", "a run of minuses", "many exclusions", "many words"],
)
async def test_a_search_the_database_cannot_run_is_a_422_naming_q(
    feedback: httpx.AsyncClient, desk: Desk, path: str, q: str
) -> None:
    await post_feedback(feedback, desk.portal, desk.catalog, comment="Долго ждал в очереди")

    response = await feedback.get(path, params={"q": q}, headers=desk.reviewer)

    assert problem_fields(response) == [("query", "q")]


@pytest.mark.parametrize("path", LISTS)
async def test_a_search_within_the_limits_answers_with_results(
    feedback: httpx.AsyncClient, desk: Desk, path: str
) -> None:
    await post_feedback(feedback, desk.portal, desk.catalog, comment="Долго ждал в очереди")
    q = "очередь " + " ".join(f"-МФЦ{i}" for i in range(16))

    response = await feedback.get(path, params={"q": q}, headers=desk.reviewer)

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "query",
    [
        {"occurred_from": "0001-01-01"},
        {"occurred_to": "9999-12-31T23:59:59"},
        {"received_from": "0001-01-01T00:00:00+14:00", "received_to": "9999-12-31"},
    ],
    ids=["first year", "last year", "both ends"],
)
async def test_periods_at_the_ends_of_the_calendar_answer_instead_of_a_500(
    feedback: httpx.AsyncClient, desk: Desk, path: str, query: dict[str, str]
) -> None:
    await post_feedback(feedback, desk.portal, desk.catalog)

    response = await feedback.get(path, params=query, headers=desk.reviewer)

    assert response.status_code == 200, response.text


async def test_a_webhook_url_over_2000_characters_is_a_422_naming_url(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    url = "https://portal.example.ru/" + "a" * 2000

    response = await feedback.put(
        "/api/v1/webhooks/endpoint", json={"url": url}, headers=desk.portal
    )

    assert problem_fields(response) == [("body", "url")]


async def test_a_low_rating_with_an_answer_requested_and_a_contact_but_no_comment_is_reviewed(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    body = feedback_body(
        desk.catalog,
        rating=1,
        comment=None,
        answer_requested=True,
        contact={"phone": "+7 900 000-00-00", "consent": True},
    )

    response = await feedback.post("/api/v1/feedback", json=body, headers=desk.portal)

    receipt = response.json()
    assert response.status_code == 201, response.text
    assert receipt["needs_review"] is True
    assert receipt["status"] == "acknowledged"
    assert receipt["answer_due_at"] is not None
    assert "Ответ будет дан не позднее" in receipt["message"]
    overdue_soon = await feedback.get(
        "/api/v1/feedback", params={"needs_review": "true"}, headers=desk.reviewer
    )
    assert [item["id"] for item in overdue_soon.json()["items"]] == [receipt["id"]]


async def test_a_contact_left_with_feedback_that_needs_no_review_expires_after_retention(
    feedback: httpx.AsyncClient,
    desk: Desk,
    feedback_settings: FeedbackSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    contact = {"email": "citizen@example.org", "consent": True}
    old = await post_feedback(feedback, desk.portal, desk.catalog, rating=5, contact=contact)
    recent = await post_feedback(feedback, desk.portal, desk.catalog, rating=5, contact=contact)
    # time travel: the first was received 31 days ago (the retention is 30 days)
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text(
                "UPDATE feedback.feedback SET received_at = received_at - interval '31 days' "
                "WHERE id = :id"
            ),
            {"id": old},
        )

    job = next(f for f in WORKER.functions if f.name == "feedback.expire_contacts")
    erased = await job.coroutine({"sessionmaker": sessionmaker, "settings": feedback_settings})

    assert erased == 1
    async with sessionmaker() as session:
        kept = (await session.execute(text("SELECT feedback_id FROM feedback.contacts"))).all()
    assert [str(row[0]) for row in kept] == [recent]


async def _occurred_at(
    client: httpx.AsyncClient, headers: dict[str, str], feedback_id: str
) -> datetime:
    response = await client.get(f"/api/v1/feedback/{feedback_id}", headers=headers)
    assert response.status_code == 200, response.text
    return datetime.fromisoformat(response.json()["occurred_at"])


@pytest.mark.parametrize("door", ["fast path", "route", "batch"])
async def test_occurred_at_defaults_to_the_receipt_tolerates_skew_and_reads_moscow_time(
    feedback: httpx.AsyncClient, route_only: httpx.AsyncClient, desk: Desk, door: str
) -> None:
    client = route_only if door == "route" else feedback
    now = datetime.now(UTC)
    naive = (now + timedelta(hours=3) - timedelta(hours=2)).replace(tzinfo=None, microsecond=0)
    cases = {
        "absent": None,
        "naive": naive.isoformat(),
        "skewed": (now + timedelta(minutes=8)).isoformat(),
        "future": (now + timedelta(minutes=12)).isoformat(),
    }
    bodies = []
    for value in cases.values():
        body = feedback_body(desk.catalog)
        del body["occurred_at"]
        if value is not None:
            body["occurred_at"] = value
        bodies.append(body)

    statuses: list[int] = []
    ids: list[str | None] = []
    fields: list[list[str]] = []
    if door == "batch":
        response = await client.post(
            "/api/v1/feedback/batch", json={"items": bodies}, headers=desk.portal
        )
        assert response.status_code == 200, response.text
        for result in response.json()["results"]:
            statuses.append(result["status"])
            ids.append(result["receipt"]["id"] if result["receipt"] else None)
            problem = result["problem"] or {"errors": []}
            fields.append([e["field"] for e in problem["errors"]])
    else:
        for body in bodies:
            response = await client.post("/api/v1/feedback", json=body, headers=desk.portal)
            statuses.append(response.status_code)
            ids.append(response.json().get("id") if response.status_code == 201 else None)
            fields.append([e["field"] for e in response.json().get("errors", [])])

    prefix = "items.3." if door == "batch" else ""
    assert statuses == [201, 201, 201, 422]
    assert fields[3] == [prefix + "occurred_at"]
    absent_id, naive_id = ids[0], ids[1]
    assert absent_id is not None
    assert naive_id is not None
    detail = await client.get(f"/api/v1/feedback/{absent_id}", headers=desk.reviewer)
    assert detail.json()["occurred_at"] == detail.json()["received_at"]
    stored = await _occurred_at(client, desk.reviewer, naive_id)
    assert stored == naive.replace(tzinfo=MOSCOW)


def time_cursor(moment: str) -> str:
    raw = json.dumps([moment, "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c"]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_a_cursor_beyond_the_calendar_is_a_422_naming_cursor(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    cursor = time_cursor("0001-01-01T00:00:00+14:00")

    response = await feedback.get(
        "/api/v1/feedback", params={"cursor": cursor}, headers=desk.reviewer
    )

    assert problem_fields(response) == [("query", "cursor")]


async def test_a_records_period_at_the_ends_of_the_calendar_answers_instead_of_a_500(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    feedback_id = await post_feedback(feedback, desk.portal, desk.catalog)
    period = {
        "occurred_from": "0001-01-01T00:00:00+14:00",
        "occurred_to": "9999-12-31T23:59:59-14:00",
    }

    response = await feedback.get("/api/v1/feedback-records", params=period, headers=desk.reviewer)

    assert response.status_code == 200, response.text
    assert [r["feedback_id"] for r in response.json()["items"]] == [feedback_id]


async def test_the_clock_skew_window_is_configurable(
    settings_overrides: dict[str, Any], desk: Desk
) -> None:
    settings = FeedbackSettings(**settings_overrides, CLOCK_SKEW_MINUTES=1)
    body = feedback_body(
        desk.catalog, occurred_at=(datetime.now(UTC) + timedelta(minutes=3)).isoformat()
    )

    async with running(create_feedback_app(settings)) as client:
        response = await client.post("/api/v1/feedback", json=body, headers=desk.portal)

    assert problem_fields(response) == [("body", "occurred_at")]
    assert "more than 1 min after receipt" in response.json()["errors"][0]["message"]
