"""Shared steps of the widget tests: an operator minting a publishable key through the API."""

import uuid
from typing import Any

import httpx

from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog

PORTAL = "https://portal.example.ru"


async def operator_of(make_key: KeyMaker, catalog: Catalog) -> dict[str, str]:
    return bearer(
        await make_key(
            Scope.FEEDBACK_REVIEW, Scope.FEEDBACK_READ, agency_id=uuid.UUID(catalog.agency_id)
        )
    )


async def mint_publishable(
    feedback: httpx.AsyncClient, operator: dict[str, str], *origins: str
) -> dict[str, Any]:
    response = await feedback.post(
        "/api/v1/outreach/publishable-keys",
        json={"name": "Портал: виджет", "origins": list(origins or [PORTAL])},
        headers=operator,
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
