"""Contacts: encrypted at rest, read only with their scope and logged, erased on request, by
case and after the retention period; never visible to another agency."""

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from feedback_api.worker import WORKER
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.feedback_helpers import Catalog, feedback_body
from tests.http_helpers import assert_no_content

CONTACT = {"name": "Иван", "email": "ivan.petrov@example.org", "phone": "+7 900 000-00-00"}


@pytest.fixture
async def officer(make_key: KeyMaker, catalog: Catalog) -> dict[str, str]:
    agency = uuid.UUID(catalog.agency_id)
    return bearer(await make_key(Scope.FEEDBACK_READ, Scope.FEEDBACK_CONTACTS, agency_id=agency))


async def post_with_contact(
    feedback: httpx.AsyncClient, portal: dict[str, str], catalog: Catalog, **fields: Any
) -> str:
    body = feedback_body(
        catalog, rating=2, answer_requested=True, contact={**CONTACT, "consent": True}, **fields
    )
    response = await feedback.post("/api/v1/feedback", json=body, headers=portal)
    assert response.status_code == 201, response.text
    feedback_id: str = response.json()["id"]
    return feedback_id


async def test_the_contact_is_read_back_with_the_contacts_scope_and_the_read_is_logged(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str], officer: dict[str, str]
) -> None:
    feedback_id = await post_with_contact(feedback, portal, catalog)

    read = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact", headers=officer)
    log = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact/access-log", headers=officer)

    assert read.status_code == 200, read.text
    assert read.json() == {"feedback_id": feedback_id, **CONTACT, "consent": True}
    assert read.headers["Cache-Control"] == "no-store"
    assert [entry["action"] for entry in log.json()] == ["read"]


async def test_reading_contacts_needs_their_own_scope(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str], make_key: KeyMaker
) -> None:
    feedback_id = await post_with_contact(feedback, portal, catalog)
    reader = bearer(await make_key(Scope.FEEDBACK_READ, Scope.FEEDBACK_REVIEW))

    response = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact", headers=reader)

    assert response.status_code == 403


async def test_another_agency_cannot_see_or_erase_the_contact(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str], make_key: KeyMaker
) -> None:
    feedback_id = await post_with_contact(feedback, portal, catalog)
    other = bearer(
        await make_key(Scope.FEEDBACK_CONTACTS, agency_id=uuid.UUID(catalog.other_agency_id))
    )

    read = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact", headers=other)
    erased = await feedback.delete(f"/api/v1/feedback/{feedback_id}/contact", headers=other)
    by_case = await feedback.post(
        "/api/v1/contacts/erasure", json={"case_number": "2026-000123456"}, headers=other
    )

    assert (read.status_code, erased.status_code) == (404, 404)
    assert by_case.json() == {"erased": 0, "comments_masked": 0}


async def test_erasure_on_request_removes_the_contact_and_keeps_the_feedback(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    officer: dict[str, str],
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    feedback_id = await post_with_contact(feedback, portal, catalog)

    erased = await feedback.delete(f"/api/v1/feedback/{feedback_id}/contact", headers=officer)
    assert_no_content(erased)
    read = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact", headers=officer)
    log = await feedback.get(f"/api/v1/feedback/{feedback_id}/contact/access-log", headers=officer)

    async with sessionmaker() as session:
        contacts = await session.scalar(text("SELECT count(*) FROM feedback.contacts"))
        has_contact = await session.scalar(text("SELECT has_contact FROM feedback.feedback"))
    assert (erased.status_code, read.status_code) == (204, 404)
    assert (contacts, has_contact) == (0, False)
    assert [entry["action"] for entry in log.json()] == ["erased"]


async def test_erasure_by_case_number_removes_every_contact_of_the_case(
    feedback: httpx.AsyncClient, catalog: Catalog, portal: dict[str, str], officer: dict[str, str]
) -> None:
    first = await post_with_contact(feedback, portal, catalog, case_number="ДЕЛО-1")
    second = await post_with_contact(
        feedback, portal, catalog, case_number="ДЕЛО-1", stage="result"
    )
    kept = await post_with_contact(feedback, portal, catalog, case_number="ДЕЛО-2")

    response = await feedback.post(
        "/api/v1/contacts/erasure", json={"case_number": "ДЕЛО-1"}, headers=officer
    )

    statuses = [
        (await feedback.get(f"/api/v1/feedback/{fid}/contact", headers=officer)).status_code
        for fid in (first, second, kept)
    ]
    assert response.json() == {"erased": 2, "comments_masked": 0}
    assert statuses == [404, 404, 200]


async def test_contacts_expire_after_the_retention_period_of_a_closed_review(
    feedback: httpx.AsyncClient,
    catalog: Catalog,
    portal: dict[str, str],
    officer: dict[str, str],
    feedback_settings: FeedbackSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    closed_long_ago = await post_with_contact(feedback, portal, catalog)
    closed_recently = await post_with_contact(feedback, portal, catalog)
    still_open = await post_with_contact(feedback, portal, catalog)
    async with sessionmaker() as session, session.begin():
        # time travel: closing the reviews 31 and 2 days ago (the retention is 30 days)
        for feedback_id, days in ((closed_long_ago, 31), (closed_recently, 2)):
            await session.execute(
                text(
                    "UPDATE feedback.feedback SET status = 'closed', "
                    "closed_at = now() - make_interval(days => :days) WHERE id = :id"
                ),
                {"days": days, "id": feedback_id},
            )

    job = next(f for f in WORKER.functions if f.name == "feedback.expire_contacts")
    erased = await job.coroutine({"sessionmaker": sessionmaker, "settings": feedback_settings})

    statuses = [
        (await feedback.get(f"/api/v1/feedback/{fid}/contact", headers=officer)).status_code
        for fid in (closed_long_ago, closed_recently, still_open)
    ]
    log = await feedback.get(
        f"/api/v1/feedback/{closed_long_ago}/contact/access-log", headers=officer
    )
    assert erased == 1
    assert statuses == [404, 200, 200]
    assert log.json()[0]["action"] == "expired"
    assert log.json()[0]["api_key_id"] is None
