"""Posting feedback: the receipt, every validation rule with its exact problem, the event."""

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.database import outbox
from otklik_kit.auth.scopes import Scope
from otklik_shared.events import parse_event
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, feedback_body


async def post(client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]) -> Any:
    return await client.post("/api/v1/feedback", json=body, headers=headers)


def problem_fields(response: httpx.Response) -> list[tuple[str, str, str]]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    return [(e["location"], e["field"], e["type"]) for e in response.json()["errors"]]


async def test_a_rating_without_review_is_received_with_a_receipt(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    response = await post(feedback, portal, feedback_body(catalog, rating=5))

    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["status"] == "received"
    assert receipt["needs_review"] is False
    assert receipt["answer_due_at"] is None
    assert receipt["message"].startswith("Ваш отзыв получен ")
    assert receipt["message"].endswith("Спасибо за оценку.")


async def test_a_low_rating_with_a_comment_is_acknowledged_with_the_answer_date(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    response = await post(
        feedback, portal, feedback_body(catalog, rating=2, comment="Очередь два часа")
    )

    receipt = response.json()
    received = datetime.fromisoformat(receipt["received_at"])
    due = datetime.fromisoformat(receipt["answer_due_at"])
    assert receipt["status"] == "acknowledged"
    assert receipt["needs_review"] is True
    assert due - received == timedelta(days=30)
    assert f"не позднее {due.astimezone(UTC) + timedelta(hours=3):%d.%m.%Y}" in receipt["message"]


async def test_a_comment_asking_for_an_answer_needs_review_whatever_the_rating(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    asked = await post(feedback, portal, feedback_body(catalog, rating=5, answer_requested=True))
    silent = await post(feedback, portal, feedback_body(catalog, rating=2, comment=None))

    assert asked.json()["needs_review"] is True
    assert silent.json()["needs_review"] is False


async def test_accepted_feedback_emits_feedback_received_with_personal_data_masked(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    comment = "Перезвоните на +7 (912) 345-67-89 или ivan@example.org, очередь огромная"
    body = feedback_body(
        catalog, rating=2, comment=comment, criteria={"queue_wait": 1, "staff_courtesy": 4}
    )
    response = await post(feedback, portal, body)

    async with sessionmaker() as session:
        rows = (await session.execute(select(outbox))).all()
    assert [(r.type, r.queue) for r in rows] == [("feedback.received", "otklik:reporting")]
    event = parse_event(
        {
            "id": str(rows[0].event_id),
            "type": rows[0].type,
            "occurred_at": rows[0].occurred_at.isoformat(),
            "producer": rows[0].producer,
            "payload": rows[0].payload,
        }
    )
    payload = event.payload.model_dump(mode="json")
    assert payload["feedback_id"] == response.json()["id"]
    assert payload["agency_id"] == catalog.agency_id
    assert payload["stage"] == "application"
    assert payload["criteria"] == {"queue_wait": 1, "staff_courtesy": 4}
    assert payload["comment"] == "Перезвоните на [телефон] или [e-mail], очередь огромная"


async def test_feedback_on_the_interaction_as_a_whole_needs_only_the_agency(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    body = feedback_body(
        catalog, service_id=None, stage=None, agency_id=catalog.agency_id, channel="mobile_app"
    )

    response = await post(feedback, portal, body)

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"service_id": "5e0c9a52-0000-4000-8000-000000000001"}, "service_id:unknown_service"),
        ({"stage": None}, "stage:missing"),
        ({"stage": "payment"}, "stage:unknown_stage"),
        ({"service_id": None, "stage": None}, "agency_id:missing"),
        (
            {"service_id": None, "agency_id": "5e0c9a52-0000-4000-8000-000000000002"},
            "agency_id:unknown_agency",
        ),
        (
            {"touchpoint_id": "5e0c9a52-0000-4000-8000-000000000003"},
            "touchpoint_id:unknown_touchpoint",
        ),
    ],
)
async def test_catalog_rules_answer_422_naming_the_field(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    fields: dict[str, Any],
    expected: str,
) -> None:
    response = await post(feedback, portal, feedback_body(catalog, **fields))

    field, type_ = expected.split(":")
    assert problem_fields(response) == [("body", field, type_)]


async def test_an_unknown_stage_problem_lists_the_stages_of_the_service(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    response = await post(feedback, portal, feedback_body(catalog, stage="payment"))

    message = response.json()["errors"][0]["message"]
    assert message.startswith("the service has no stage «Оплата» (payment); its stages: ")
    assert all(stage in message for stage in catalog.stages)


async def test_the_agency_must_be_the_services_own(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str]
) -> None:
    response = await post(
        feedback, portal, feedback_body(catalog, agency_id=catalog.other_agency_id)
    )

    assert problem_fields(response) == [("body", "agency_id", "agency_mismatch")]


async def test_a_key_bound_to_another_agency_cannot_post_about_its_services(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    bound = bearer(
        await make_key(Scope.FEEDBACK_WRITE, agency_id=uuid.UUID(catalog.other_agency_id))
    )

    response = await post(feedback, bound, feedback_body(catalog))

    assert problem_fields(response) == [("body", "service_id", "unknown_service")]


async def test_a_retired_service_takes_no_more_feedback(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    catalog: Catalog,
    portal: dict[str, str],
    admin_headers: dict[str, str],
) -> None:
    from tests.feedback_helpers import sync_catalog

    retired = await plans.post(
        f"/api/v1/services/{catalog.service_id}/retire", headers=admin_headers
    )
    assert retired.status_code == 200, retired.text
    await sync_catalog(plans_app, feedback_settings)

    response = await post(feedback, portal, feedback_body(catalog))

    assert problem_fields(response) == [("body", "service_id", "retired_service")]


@pytest.mark.parametrize(
    ("fields", "field", "type_"),
    [
        ({"rating": 6}, "rating", "less_than_equal"),
        ({"rating": 0}, "rating", "greater_than_equal"),
        ({"criteria": {"queue_wait": 0}}, "criteria.queue_wait", "greater_than_equal"),
        ({"criteria": {"speed": 3}}, "criteria.speed", "extra_forbidden"),
        ({"comment": "я" * 2001}, "comment", "string_too_long"),
        ({"channel": "pigeon"}, "channel", "enum"),
        ({"client_type": "robot"}, "client_type", "enum"),
        ({"case_number": "№ 12 34"}, "case_number", "string_pattern_mismatch"),
        (
            {"contact": {"email": "a@example.org", "consent": False}},
            "contact.consent",
            "value_error",
        ),
        ({"contact": {"name": "Иван", "consent": True}}, "contact", "value_error"),
        ({"contact": {"email": "not-an-email", "consent": True}}, "contact.email", "value_error"),
        ({"source": "portal"}, "source", "extra_forbidden"),
    ],
)
async def test_malformed_input_answers_422_naming_the_field(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    fields: dict[str, Any],
    field: str,
    type_: str,
) -> None:
    response = await post(feedback, portal, feedback_body(catalog, **fields))

    assert problem_fields(response) == [("body", field, type_)]


@pytest.mark.parametrize(
    ("shift", "message", "type_"),
    [
        (timedelta(hours=1), "the interaction cannot be in the future", "future_time"),
        (timedelta(days=-400), "the interaction is more than a year ago", "value_error"),
    ],
)
async def test_the_interaction_time_must_be_plausible(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    shift: timedelta,
    message: str,
    type_: str,
) -> None:
    when = (datetime.now(UTC) + shift).isoformat()

    response = await post(feedback, portal, feedback_body(catalog, occurred_at=when))

    assert problem_fields(response) == [("body", "occurred_at", type_)]
    assert message in response.json()["errors"][0]["message"]


async def test_nothing_is_written_for_rejected_feedback(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await post(feedback, portal, feedback_body(catalog, stage="payment"))
    await post(feedback, portal, feedback_body(catalog, rating=9))

    async with sessionmaker() as session:
        stored = await session.scalar(text("SELECT count(*) FROM feedback.feedback"))
        events = await session.scalar(text("SELECT count(*) FROM feedback.outbox"))
    assert (stored, events) == (0, 0)


async def test_posting_needs_the_feedback_write_scope(
    feedback: httpx.AsyncClient, catalog: Catalog, make_key: KeyMaker
) -> None:
    reader = bearer(await make_key(Scope.FEEDBACK_READ))

    anonymous = await feedback.post("/api/v1/feedback", json=feedback_body(catalog))
    forbidden = await post(feedback, reader, feedback_body(catalog))

    assert (anonymous.status_code, forbidden.status_code) == (401, 403)


async def test_contacts_are_stored_encrypted_apart_from_the_feedback(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    contact = {"name": "Иван", "email": "ivan.petrov@example.org", "consent": True}
    response = await post(feedback, portal, feedback_body(catalog, contact=contact))

    async with sessionmaker() as session:
        row = (
            await session.execute(text("SELECT feedback_id, ciphertext FROM feedback.contacts"))
        ).one()
        stored_feedback = (
            await session.execute(text("SELECT row_to_json(f)::text FROM feedback.feedback f"))
        ).scalar_one()
    assert str(row.feedback_id) == response.json()["id"]
    assert b"ivan.petrov" not in bytes(row.ciphertext)
    assert "ivan.petrov" not in stored_feedback
    assert json.loads(stored_feedback)["has_contact"] is True
