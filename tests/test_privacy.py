"""No personal data in logs, job payloads or error bodies: a citizen's contact and the phone
number written into a comment are looked for everywhere they must not be."""

import logging

import httpx
import pytest
from arq.connections import ArqRedis
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import feedback_body, seed_catalog

EMAIL = "olga.sidorova.1987@example.org"
PHONE = "+7 912 345-67-89"
NAME = "Сидорова Ольга Петровна"


async def test_contacts_and_phone_numbers_stay_out_of_logs_jobs_and_errors(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    redis: ArqRedis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    body = feedback_body(
        catalog,
        rating=1,
        comment=f"Перезвоните мне по номеру {PHONE}, очередь два часа",
        answer_requested=True,
        contact={"name": NAME, "email": EMAIL, "phone": PHONE, "consent": True},
    )
    accepted = await feedback.post("/api/v1/feedback", json=body, headers=portal)
    invalid = await feedback.post(
        "/api/v1/feedback",
        json={**body, "contact": {"name": NAME, "email": "olga@@example", "consent": True}},
        headers=portal,
    )
    relay: OutboxRelay = feedback_app.state.outbox_relay
    await relay.relay_once()
    jobs = [await redis.get(key) for key in await redis.keys("arq:job:*")]

    assert accepted.status_code == 201
    assert invalid.status_code == 422
    assert jobs, "the relay should have queued the event"
    places = {
        "logs": caplog.text,
        "jobs": b"".join(j or b"" for j in jobs).decode("utf-8", "replace"),
        "error body": invalid.text,
    }
    for place, text in places.items():
        for secret in (EMAIL, PHONE, NAME, "olga@@example"):
            assert secret not in text, f"{secret!r} leaked into {place}"
