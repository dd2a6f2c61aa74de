"""Issue 15: personal data typed into comments is masked wherever a comment leaves feedback-api
without `feedback:contacts`, readable (and each read logged) with it, and erased with the
contact, by feedback and by case number. Order numbers, amounts and dates stay as written."""

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.database import outbox
from otklik_kit.auth.scopes import Scope
from tests.conftest import KeyMaker, bearer
from tests.review_helpers import Desk, post_feedback

# (what the citizen wrote, what a reader without feedback:contacts sees)
POSITIVE = [
    ("карта 4276 3800 1234 5679", "карта [карта]"),
    ("карта 4276380012345679", "карта [карта]"),
    ("СНИЛС 112-233-445 95", "СНИЛС [СНИЛС]"),
    ("СНИЛС 11223344595", "СНИЛС [СНИЛС]"),
    ("ИНН 500100732259", "ИНН [ИНН]"),
    ("ИНН организации 7707083893", "ИНН организации [ИНН]"),
    ("звоните 8 (4912) 12-34-56", "звоните [телефон]"),
    ("тел. +7 495 123-45-67", "тел. [телефон]"),
    ("мой номер 912 345-67-89", "мой номер [телефон]"),
    ("мой номер 9123456789", "мой номер [телефон]"),
    ("паспорт серия 4510 номер 123456", "паспорт [документ]"),
    ("данные 4510 123456 выдан", "данные [документ] выдан"),
    ("полис ОМС 1234567890123456", "полис ОМС [полис]"),
    ("ЕНП 7700000000000016", "ЕНП [полис]"),
    # the policy's check digit is Luhn's: unnamed, it is masked as a card
    ("без слов 7700000000000016", "без слов [карта]"),
    ("пишите на ivan.petrov@example.org", "пишите на [e-mail]"),
]
NEGATIVE = [
    "заказ 1234567890 от 12.03.2024",
    "оплатил 1 500 000 руб. и ещё 2 350,50 руб.",
    "подал 2024-03-12 в 10:30, ждал 45 минут",
    "номер заявления 2026-000123456",
    "заказ 123456789012 не найден",
    "заказ 1234567812345678 потерян",
    "в 2023 году 15 раз",
    "приём с 9:00 до 18:00, окно 12",
]
CARD = "Верните деньги на карту 4276 3800 1234 5679, СНИЛС 112-233-445 95"
CARD_MASKED = "Верните деньги на карту [карта], СНИЛС [СНИЛС]"


@pytest.fixture
async def officer(make_key: KeyMaker, desk: Desk) -> dict[str, str]:
    """A reader of the first agency with the personal-data scope."""
    agency = uuid.UUID(desk.catalog.agency_id)
    return bearer(await make_key(Scope.FEEDBACK_READ, Scope.FEEDBACK_CONTACTS, agency_id=agency))


async def post_batch(client: httpx.AsyncClient, desk: Desk, comments: list[str]) -> list[str]:
    now = datetime.now(UTC) - timedelta(minutes=5)
    items = [
        {
            "service_id": desk.catalog.service_id,
            "stage": "application",
            "channel": "mfc",
            "rating": 3,
            "comment": comment,
            "occurred_at": now.isoformat(),
        }
        for comment in comments
    ]
    response = await client.post(
        "/api/v1/feedback/batch", json={"items": items}, headers=desk.portal
    )
    assert response.status_code == 200, response.text
    return [result["receipt"]["id"] for result in response.json()["results"]]


async def comments_listed(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, str]:
    response = await client.get("/api/v1/feedback", params={"limit": 200}, headers=headers)
    assert response.status_code == 200, response.text
    return {item["id"]: item["comment"] for item in response.json()["items"]}


async def test_personal_data_in_comments_is_masked_and_ordinary_numbers_are_not(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    written = [text for text, _ in POSITIVE] + NEGATIVE
    ids = await post_batch(feedback, desk, written)

    shown = await comments_listed(feedback, desk.reviewer)

    expected = [masked for _, masked in POSITIVE] + NEGATIVE
    assert [shown[i] for i in ids] == expected


async def test_every_way_out_without_the_contacts_scope_carries_the_masked_comment(
    feedback: httpx.AsyncClient,
    desk: Desk,
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    feedback_id = await post_feedback(
        feedback, desk.portal, desk.catalog, rating=2, comment=CARD, case_number="2026-1"
    )
    hour = timedelta(hours=1)
    period = {
        "occurred_from": (datetime.now(UTC) - 3 * hour).isoformat(),
        "occurred_to": (datetime.now(UTC) + hour).isoformat(),
    }

    detail = await feedback.get(f"/api/v1/feedback/{feedback_id}", headers=desk.reviewer)
    listed = await comments_listed(feedback, desk.reviewer)
    records = await feedback.get("/api/v1/feedback-records", params=period, headers=desk.reviewer)
    exported = await feedback.get("/api/v1/feedback/export.csv", headers=desk.reviewer)
    timeline = await feedback.get("/api/v1/cases/2026-1/timeline", headers=desk.reviewer)
    async with sessionmaker() as session:
        [event] = (await session.execute(select(outbox.c.payload))).scalars().all()

    assert detail.json()["comment"] == CARD_MASKED
    assert listed[feedback_id] == CARD_MASKED
    assert [r["comment"] for r in records.json()["items"]] == [CARD_MASKED]
    table = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    column = table[0].index("Комментарий")
    assert [row[column] for row in table[1:]] == [CARD_MASKED]
    assert timeline.json()["entries"][0]["comment"] == CARD_MASKED
    assert event["comment"] == CARD_MASKED


async def test_with_the_contacts_scope_the_original_is_shown_and_each_read_logged(
    feedback: httpx.AsyncClient, desk: Desk, officer: dict[str, str]
) -> None:
    with_data = await post_feedback(feedback, desk.portal, desk.catalog, comment=CARD)
    without = await post_feedback(feedback, desk.portal, desk.catalog, comment="Всё хорошо")

    detail = await feedback.get(f"/api/v1/feedback/{with_data}", headers=officer)
    listed = await comments_listed(feedback, officer)
    log = await feedback.get(f"/api/v1/feedback/{with_data}/contact/access-log", headers=officer)
    quiet = await feedback.get(f"/api/v1/feedback/{without}/contact/access-log", headers=officer)

    assert detail.json()["comment"] == CARD
    assert listed[with_data] == CARD
    assert [entry["action"] for entry in log.json()] == ["comment_read", "comment_read"]
    assert quiet.json() == []


async def test_erasure_by_case_number_removes_the_personal_data_from_every_comment_of_the_case(
    feedback: httpx.AsyncClient, desk: Desk, officer: dict[str, str]
) -> None:
    case = {"case_number": "2026-000555"}
    contact = {"email": "citizen@example.org", "consent": True}
    with_contact = await post_feedback(
        feedback, desk.portal, desk.catalog, comment=CARD, contact=contact, **case
    )
    no_contact = await post_feedback(feedback, desk.portal, desk.catalog, comment=CARD, **case)
    other_case = await post_feedback(feedback, desk.portal, desk.catalog, comment=CARD)

    erased = await feedback.post("/api/v1/contacts/erasure", json=case, headers=officer)
    shown = await comments_listed(feedback, officer)

    assert erased.json() == {"erased": 1, "comments_masked": 2}
    assert (shown[with_contact], shown[no_contact]) == (CARD_MASKED, CARD_MASKED)
    assert shown[other_case] == CARD


async def test_erasing_a_feedbacks_contact_removes_the_personal_data_from_its_comment(
    feedback: httpx.AsyncClient, desk: Desk, officer: dict[str, str]
) -> None:
    contact = {"email": "citizen@example.org", "consent": True}
    with_contact = await post_feedback(
        feedback, desk.portal, desk.catalog, comment=CARD, contact=contact
    )
    only_comment = await post_feedback(feedback, desk.portal, desk.catalog, comment=CARD)
    clean = await post_feedback(feedback, desk.portal, desk.catalog, comment="Всё хорошо")

    statuses = [
        (await feedback.delete(f"/api/v1/feedback/{fid}/contact", headers=officer)).status_code
        for fid in (with_contact, only_comment, clean)
    ]
    shown = await comments_listed(feedback, officer)

    assert statuses == [204, 204, 404]
    assert (shown[with_contact], shown[only_comment]) == (CARD_MASKED, CARD_MASKED)
