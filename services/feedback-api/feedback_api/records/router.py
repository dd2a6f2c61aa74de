"""The export contract other services rebuild their counts from: every feedback of a period as
the record `feedback.received` carried (comments masked, no contacts), in stable pages."""

import uuid
from typing import Annotated

from fastapi import Query

from feedback_api.records.repository import records_between
from feedback_api.records.views import feedback_record
from otklik_kit.auth.dependencies import FeedbackReader
from otklik_kit.db import DbSession
from otklik_kit.errors import UnprocessableEntity
from otklik_kit.pagination import Cursor, Page, decode_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.query_dates import QueryDateTime, within_calendar
from otklik_kit.routing import api_router
from otklik_shared.events import FeedbackPayload

MAX_RECORDS_PAGE = 5000

router = api_router("feedback-records", tag="feedback")


def _after(cursor: str | None) -> uuid.UUID | None:
    values = decode_cursor(cursor)
    if values is None:
        return None
    try:
        [last_id] = values
        return uuid.UUID(str(last_id))
    except ValueError:
        raise UnprocessableEntity.for_field(
            "cursor", "Invalid cursor", location="query", type_="invalid_cursor"
        ) from None


@router.get(
    "",
    operation_id="list_feedback_records",
    summary="Feedback of a period as event records (export contract)",
    responses=problem_responses(422),
)
async def list_feedback_records(
    session: DbSession,
    principal: FeedbackReader,
    occurred_from: Annotated[
        QueryDateTime, Query(description="Occurred at or after (ISO 8601 with offset)")
    ],
    occurred_to: Annotated[
        QueryDateTime, Query(description="Occurred before (ISO 8601 with offset)")
    ],
    agency_id: Annotated[uuid.UUID | None, Query(description="Only this agency's")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_RECORDS_PAGE, description="Page size")] = 1000,
    cursor: Cursor = None,
) -> Page[FeedbackPayload]:
    """Every feedback that occurred in `[occurred_from, occurred_to)`, oldest arrival first, as
    the record the `feedback.received` event carried: the comment with personal data masked,
    never contacts. Consumers of the events rebuild their counts of a period from these pages
    (`feedback_id` equals the id of the event that announced it). An agency-bound key sees its
    own agency's feedback only."""
    for name, moment in (("occurred_from", occurred_from), ("occurred_to", occurred_to)):
        if moment.tzinfo is None:
            raise UnprocessableEntity.for_field(
                name, "Give a time zone offset", location="query", type_="timezone_aware"
            )
    if occurred_to <= occurred_from:
        raise UnprocessableEntity.for_field(
            "occurred_to", "Must be after occurred_from", location="query", type_="range"
        )
    occurred_from, occurred_to = within_calendar(occurred_from), within_calendar(occurred_to)
    visible, agency = principal.listing_agency(agency_id)
    if not visible:
        return Page(items=[])
    rows = await records_between(
        session,
        occurred_from,
        occurred_to,
        agency_id=agency,
        after=_after(cursor),
        limit=limit,
    )
    items = [feedback_record(row) for row in rows]
    return Page.of(items, limit, lambda item: [item.feedback_id])
