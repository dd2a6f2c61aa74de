"""Operators find feedback through the HTTP API: the list and each filter, Russian full-text
search, cursor pages, CSV/XLSX exports, and touchpoints carried from plans-api."""

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from feedback_api.config import FeedbackSettings
from otklik_shared.measures import MOSCOW
from tests.feedback_helpers import feedback_body, sync_catalog
from tests.review_helpers import (
    PRAISE,
    Desk,
    complaint,
    listed_ids,
    post_feedback,
    update_feedback,
)
from tests.test_touchpoints import create_touchpoint


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


async def test_each_filter_narrows_the_list_to_its_feedback(
    feedback: httpx.AsyncClient, desk: Desk, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    c = desk.catalog
    praise = await post_feedback(feedback, desk.portal, c, rating=5, comment=PRAISE)
    queue = await complaint(
        feedback, desk, channel="mfc", comment="Долго ждал в очереди, окно не работало"
    )
    other = await post_feedback(
        feedback,
        desk.portal,
        c,
        service_id=c.other_service_id,
        rating=1,
        comment="Огромные очереди на приём",
    )
    site = await post_feedback(
        feedback,
        desk.portal,
        c,
        service_id=None,
        stage=None,
        agency_id=c.agency_id,
        channel="official_site",
        rating=3,
        comment=None,
    )
    result = await post_feedback(
        feedback, desk.portal, c, stage="result", comment=None, occurred_at=ago(days=10)
    )
    # pain categories come from the reporting worker's classifier; set here as it would
    await update_feedback(sessionmaker, queue, "categories = '{waiting_time}'")

    async def only(**query: Any) -> set[str]:
        return set(await listed_ids(feedback, desk.reviewer, **query))

    assert await only() == {praise, queue, other, site, result}
    assert await only(agency_id=c.agency_id) == {praise, queue, site, result}
    assert await only(service_id=c.service_id) == {praise, queue, result}
    assert await only(stage="result") == {result}
    assert await only(channel="mfc") == {queue}
    assert await only(rating=5) == {praise}
    assert await only(rating_min=2, rating_max=3) == {queue, site}
    assert await only(status="acknowledged") == {queue, other}
    assert await only(status=["received", "acknowledged"]) == {praise, queue, other, site, result}
    assert await only(needs_review="true") == {queue, other}
    assert await only(needs_review="false") == {praise, site, result}
    assert await only(category="waiting_time") == {queue}
    assert await only(overdue="true") == set()
    assert await only(overdue="false") == {praise, queue, other, site, result}
    assert await only(occurred_to=ago(days=5)) == {result}
    assert await only(occurred_from=ago(days=5)) == {praise, queue, other, site}
    # a bare date is a Moscow date
    tomorrow = (datetime.now(MOSCOW) + timedelta(days=1)).date().isoformat()
    assert await only(received_from=tomorrow) == set()
    assert await only(received_to=tomorrow, agency_id=c.other_agency_id) == {other}


async def test_inverted_ranges_and_bad_cursors_are_422(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    for query in (
        {"rating_min": 4, "rating_max": 2},
        {"received_from": "2026-11-02", "received_to": "2026-11-01"},
        {"cursor": "not-a-cursor"},
        {"limit": 500},
    ):
        response = await feedback.get("/api/v1/feedback", params=query, headers=desk.reviewer)
        assert response.status_code == 422, query


async def test_text_search_finds_inflected_russian_forms(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    queue = await complaint(feedback, desk, comment="Очень долго стоял в очереди в МФЦ")
    portal = await complaint(feedback, desk, comment="Портал выдавал ошибки при оплате")
    await post_feedback(feedback, desk.portal, desk.catalog, comment=PRAISE)

    assert await listed_ids(feedback, desk.reviewer, q="очередь") == [queue]
    assert await listed_ids(feedback, desk.reviewer, q="ошибка оплаты") == [portal]
    assert set(await listed_ids(feedback, desk.reviewer, q="очередь OR ошибка")) == {queue, portal}
    assert await listed_ids(feedback, desk.reviewer, q="долго -МФЦ") == []


async def test_cursor_pages_walk_the_list_once_newest_first(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    posted = [await post_feedback(feedback, desk.portal, desk.catalog) for _ in range(7)]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
        page = (await feedback.get("/api/v1/feedback", params=params, headers=desk.reviewer)).json()
        seen += [item["id"] for item in page["items"]]
        if len(seen) == 3:
            # a feedback arriving meanwhile is newer: it never shifts the pages that follow
            await post_feedback(feedback, desk.portal, desk.catalog)
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == list(reversed(posted))


async def test_exports_hold_the_filtered_rows_with_russian_headers_and_no_contacts(
    feedback: httpx.AsyncClient, desk: Desk
) -> None:
    masked = await complaint(
        feedback,
        desk,
        comment="Перезвоните мне: +7 912 345-67-89, очередь не движется",
        contact={"email": "citizen@example.org", "consent": True},
        case_number="2026-000123456",
    )
    formula = await complaint(feedback, desk, comment='=HYPERLINK("http://evil.example","x")')
    await post_feedback(feedback, desk.portal, desk.catalog, rating=5, comment=PRAISE)
    query = {"needs_review": "true"}

    response = await feedback.get(
        "/api/v1/feedback/export.csv", params=query, headers=desk.reviewer
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, rows = table[0], {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}
    assert header[:4] == ["Номер отзыва", "Дата получения (МСК)", "Дата взаимодействия (МСК)",
                          "Орган власти"]  # fmt: skip
    assert set(rows) == {masked, formula}
    row = rows[masked]
    assert row["Комментарий"] == "Перезвоните мне: [телефон], очередь не движется"
    assert row["Статус"] == "Принят к рассмотрению"
    assert row["Орган власти"] == "Министерство соцзащиты"
    assert row["Этап"] == "Подача заявления"
    assert row["Номер дела"] == "2026-000123456"
    assert "citizen@example.org" not in response.text
    assert rows[formula]["Комментарий"].startswith("'=HYPERLINK")

    response = await feedback.get(
        "/api/v1/feedback/export.xlsx", params=query, headers=desk.reviewer
    )
    assert response.status_code == 200, response.text
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == header
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in values[1:]}
    assert set(by_id) == {masked, formula}
    assert by_id[masked]["Оценка"] == 2
    assert isinstance(by_id[masked]["Дата получения (МСК)"], datetime)
    comment_column = header.index("Комментарий") + 1
    formula_row = next(r for r in range(2, 4) if sheet.cell(r, 1).value == formula)
    assert sheet.cell(formula_row, comment_column).data_type == "s"


async def test_touchpoints_of_the_registry_reach_feedback_and_filter_it(
    feedback: httpx.AsyncClient,
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback_settings: FeedbackSettings,
    admin_headers: dict[str, str],
    desk: Desk,
) -> None:
    c = desk.catalog
    office = await create_touchpoint(plans, admin_headers, c.agency_id, service_ids=[c.service_id])
    await sync_catalog(plans_app, feedback_settings)
    at_office = await post_feedback(
        feedback, desk.portal, c, channel="mfc", touchpoint_id=office["id"]
    )
    await post_feedback(feedback, desk.portal, c)

    assert await listed_ids(feedback, desk.reviewer, touchpoint_id=office["id"]) == [at_office]

    deleted = await plans.delete(f"/api/v1/touchpoints/{office['id']}", headers=admin_headers)
    assert deleted.status_code == 204
    await sync_catalog(plans_app, feedback_settings)
    refused = await feedback.post(
        "/api/v1/feedback",
        json=feedback_body(c, touchpoint_id=office["id"]),
        headers=desk.portal,
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["type"] == "unknown_touchpoint"
