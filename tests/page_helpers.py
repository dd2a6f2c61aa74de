"""Shared steps of the citizen pages' tests: a touchpoint in the registry carried to
feedback-api, its rating page read and posted as a browser would."""

import re
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from feedback_api.pages.links import rating_path
from tests.catalog_helpers import create_service
from tests.feedback_helpers import Catalog, sync_catalog

MFC_NAME = "МФЦ «Мои документы» на ул. Ленина"
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


@dataclass(frozen=True)
class Touchpoint:
    id: str
    path: str
    service_ids: list[str]


async def create_touchpoint(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    *,
    extra_services: int = 0,
    **fields: Any,
) -> Touchpoint:
    """An MFC of the catalog's agency serving its service (and `extra_services` more)."""
    service_ids = [catalog.service_id]
    for number in range(extra_services):
        extra = await create_service(
            plans, admin_headers, catalog.agency_id, title=f"Выдача справки № {number + 1}"
        )
        service_ids.append(extra["id"])
    body = {
        "agency_id": catalog.agency_id,
        "kind": "one_stop_center",
        "name": MFC_NAME,
        "address": "г. Примерск, ул. Ленина, д. 1",
        "directions": ["state_services"],
        "client_needs": ["submission", "feedback"],
        "collects_feedback": True,
        "service_ids": service_ids,
        **fields,
    }
    response = await plans.post("/api/v1/touchpoints", json=body, headers=admin_headers)
    assert response.status_code == 201, response.text
    await sync_catalog(plans_app, feedback_settings)
    touchpoint_id = response.json()["id"]
    return Touchpoint(touchpoint_id, rating_path(uuid.UUID(touchpoint_id)), service_ids)


def hidden_fields(html: str) -> dict[str, str]:
    return dict(HIDDEN.findall(html))


async def open_form(client: httpx.AsyncClient, path: str) -> dict[str, str]:
    """GETs a form page as a browser; its hidden fields."""
    response = await client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return hidden_fields(response.text)


async def post_form(client: httpx.AsyncClient, path: str, fields: dict[str, Any]) -> httpx.Response:
    return await client.post(path, data=fields, headers={"Accept": "text/html"})
