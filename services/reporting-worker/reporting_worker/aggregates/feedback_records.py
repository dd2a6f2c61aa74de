"""Reading feedback-api's export contract (`GET /api/v1/feedback-records`): the records of a
period, page by page, as the `feedback.received` events carried them."""

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx

from otklik_kit.pagination import Page
from otklik_shared.events import FeedbackPayload

RECORDS_PATH = "/api/v1/feedback-records"
PAGE_SIZE = 5000
RecordPage = Page[FeedbackPayload]


async def feedback_records(
    client: httpx.AsyncClient, occurred_from: datetime, occurred_to: datetime
) -> AsyncIterator[list[FeedbackPayload]]:
    """`client` carries feedback-api's base URL and a key with `feedback:read`."""
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {
            "occurred_from": occurred_from.isoformat(),
            "occurred_to": occurred_to.isoformat(),
            "limit": PAGE_SIZE,
        }
        if cursor:
            params["cursor"] = cursor
        response = await client.get(RECORDS_PATH, params=params)
        response.raise_for_status()
        page = RecordPage.model_validate_json(response.content)
        yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
