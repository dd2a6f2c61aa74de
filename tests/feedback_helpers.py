"""Shared steps of the feedback tests: a catalog made in plans-api and carried to feedback-api
by its events, and a valid feedback body."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER as FEEDBACK_WORKER
from otklik_kit.events.relay import OutboxRelay
from tests.catalog_helpers import create_agency, create_service
from tests.conftest import drain


@dataclass(frozen=True)
class Catalog:
    agency_id: str
    service_id: str
    stages: list[str]
    other_agency_id: str
    other_service_id: str


async def sync_catalog(plans_app: FastAPI, feedback_settings: FeedbackSettings) -> None:
    """plans-api's outbox → Redis → feedback-api's worker."""
    relay: OutboxRelay = plans_app.state.outbox_relay
    while await relay.relay_once():
        pass
    await drain(FEEDBACK_WORKER, feedback_settings)


async def seed_catalog(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
) -> Catalog:
    agency_id = await create_agency(plans, admin_headers, "Министерство соцзащиты")
    service = await create_service(plans, admin_headers, agency_id)
    other_agency_id = await create_agency(plans, admin_headers, "Министерство транспорта")
    other = await create_service(
        plans, admin_headers, other_agency_id, title="Выдача разрешения на перевозку"
    )
    await sync_catalog(plans_app, feedback_settings)
    return Catalog(agency_id, service["id"], service["stages"], other_agency_id, other["id"])


def feedback_body(catalog: Catalog, **fields: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "service_id": catalog.service_id,
        "stage": "application",
        "channel": "regional_portal",
        "rating": 4,
        "comment": "Всё быстро, спасибо",
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
    }
    body.update(fields)
    return body
