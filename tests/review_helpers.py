"""Steps shared by the review, webhook and proposal tests: feedback posted through the API by a
portal's key, and operators' keys."""

import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, feedback_body, seed_catalog

PRAISE = "Всё быстро, спасибо"
COMPLAINT = "Заявление приняли только с третьей попытки, в очереди простоял два часа."


@dataclass(frozen=True)
class Desk:
    """A catalog, a portal that posts feedback and the operators who review it."""

    catalog: Catalog
    portal: dict[str, str]
    reviewer: dict[str, str]
    # operators bound to the catalog's first and second agency
    own_reviewer: dict[str, str]
    other_reviewer: dict[str, str]


async def open_desk(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
) -> Desk:
    catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    operator = (Scope.FEEDBACK_READ, Scope.FEEDBACK_REVIEW)
    return Desk(
        catalog=catalog,
        portal=bearer(await make_key(Scope.FEEDBACK_WRITE)),
        reviewer=bearer(await make_key(*operator)),
        own_reviewer=bearer(await make_key(*operator, agency_id=uuid.UUID(catalog.agency_id))),
        other_reviewer=bearer(
            await make_key(*operator, agency_id=uuid.UUID(catalog.other_agency_id))
        ),
    )


async def post_feedback(
    client: httpx.AsyncClient, headers: dict[str, str], catalog: Catalog, **fields: Any
) -> str:
    response = await client.post(
        "/api/v1/feedback", json=feedback_body(catalog, **fields), headers=headers
    )
    assert response.status_code == 201, response.text
    feedback_id: str = response.json()["id"]
    return feedback_id


async def complaint(client: httpx.AsyncClient, desk: Desk, **fields: Any) -> str:
    """A low rating with a comment: it needs a review and an answer."""
    body: dict[str, Any] = {"rating": 2, "comment": COMPLAINT, "answer_requested": True}
    return await post_feedback(client, desk.portal, desk.catalog, **(body | fields))


async def listed_ids(
    client: httpx.AsyncClient, headers: dict[str, str], path: str = "/api/v1/feedback", **query: Any
) -> list[str]:
    response = await client.get(path, params={"limit": 200, **query}, headers=headers)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def update_feedback(
    sessionmaker: async_sessionmaker[AsyncSession], feedback_id: str, assignment: str
) -> None:
    """Sets what no API of feedback-api sets: a classification, or an answer date in the past."""
    async with sessionmaker() as session, session.begin():
        await session.execute(
            text(f"UPDATE feedback.feedback SET {assignment} WHERE id = :id"), {"id": feedback_id}
        )
