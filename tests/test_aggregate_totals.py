"""GET /api/v1/aggregates/totals: what the live aggregates hold, for agencies and days."""

import uuid
from datetime import UTC, datetime, timedelta

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from otklik_kit.events.relay import OutboxRelay
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker, bearer, drain_worker
from tests.feedback_helpers import feedback_body, seed_catalog


async def test_totals_count_the_feedback_of_the_agencies_and_days_asked(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> None:
    catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    week_ago = (datetime.now(UTC) - timedelta(days=7)).isoformat()
    other = {"service_id": catalog.other_service_id, "stage": "application"}
    items = [
        feedback_body(catalog, comment=None),
        feedback_body(catalog, occurred_at=week_ago),
        feedback_body(catalog, **other),
    ]
    response = await feedback.post(
        "/api/v1/feedback/batch", json={"items": items}, headers=admin_headers
    )
    assert response.json()["accepted"] == 3, response.text
    relay: OutboxRelay = feedback_app.state.outbox_relay
    await relay.relay_once()
    await drain_worker(reporting_settings)

    async def totals(headers: dict[str, str], **params: str) -> httpx.Response:
        return await reporting.get("/api/v1/aggregates/totals", params=params, headers=headers)

    everything = (await totals(admin_headers)).json()
    assert (everything["feedback"], everything["comments"]) == (3, 2)
    recent = (datetime.now(UTC) - timedelta(days=3)).date().isoformat()
    one_agency = (await totals(admin_headers, agency_id=catalog.agency_id, first_day=recent)).json()
    assert (one_agency["feedback"], one_agency["comments"]) == (1, 0)
    assert one_agency["agency_ids"] == [catalog.agency_id]

    bound = bearer(await make_key(Scope.REPORTS_READ, agency_id=uuid.UUID(catalog.other_agency_id)))
    assert (await totals(bound)).json()["feedback"] == 1
    assert (await totals(bound, agency_id=catalog.agency_id)).status_code == 404
    reversed_days = await totals(admin_headers, first_day="2026-02-02", last_day="2026-02-01")
    assert reversed_days.status_code == 422
    assert reversed_days.json()["errors"][0]["field"] == "last_day"
