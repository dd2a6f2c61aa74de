"""The full resync: plans-api publishes its whole catalog again and the copies are rebuilt."""

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import feedback_body, seed_catalog, sync_catalog
from tests.test_cli import otklik
from tests.test_touchpoints import create_touchpoint


async def test_a_lost_catalog_copy_is_rebuilt_by_the_resync_command(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    make_key: KeyMaker,
    database_url: str,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    catalog = await seed_catalog(plans, plans_app, feedback_settings, admin_headers)
    office = await create_touchpoint(
        plans, admin_headers, catalog.agency_id, service_ids=[catalog.service_id]
    )
    await sync_catalog(plans_app, feedback_settings)
    portal = bearer(await make_key(Scope.FEEDBACK_WRITE))
    async with sessionmaker() as session, session.begin():
        # the copy is lost (e.g. feedback-api's schema restored from an old backup)
        await session.execute(text("DELETE FROM feedback.catalog_touchpoints"))
        await session.execute(text("DELETE FROM feedback.catalog_services"))
        await session.execute(text("DELETE FROM feedback.catalog_agencies"))
    at_office = feedback_body(catalog, channel="mfc", touchpoint_id=office["id"])
    refused = await feedback.post("/api/v1/feedback", json=at_office, headers=portal)

    resync = otklik(database_url, "resync-catalog")
    await sync_catalog(plans_app, feedback_settings)
    accepted = await feedback.post("/api/v1/feedback", json=at_office, headers=portal)

    assert refused.status_code == 422
    assert resync.returncode == 0, resync.stderr
    assert "republished 2 agencies, 2 services and 1 touchpoints" in resync.stdout
    assert accepted.status_code == 201, accepted.text
