"""The filters of the operators' feedback list, shared by the list, the overdue queue and the
exports, read from the query string."""

import dataclasses
import uuid
from datetime import datetime
from typing import Annotated, TypeVar

from fastapi import Depends, Query

from feedback_api.feedback.models import FeedbackStatus
from feedback_api.feedback.schemas import CASE_NUMBER_PATTERN
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import UnprocessableEntity
from otklik_kit.query_dates import MOMENT_DOC, QueryMoment
from otklik_shared.vocab import Channel, PainCategory, Stage

Score = Annotated[int, Query(ge=1, le=5)]
Bound = TypeVar("Bound", datetime, int)
# PostgreSQL's tsquery parser keeps at most 32 pending operators: a run of `-` (NOT) longer
# than that fails the query; the limits keep every accepted search within it with room to spare
SEARCH_MAX_MINUS = 16
SEARCH_MAX_WORDS = 32


@dataclasses.dataclass(frozen=True, slots=True)
class FeedbackFilter:
    agency_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None
    stage: Stage | None = None
    channel: Channel | None = None
    touchpoint_id: uuid.UUID | None = None
    rating_min: int | None = None
    rating_max: int | None = None
    statuses: tuple[FeedbackStatus, ...] = ()
    category: PainCategory | None = None
    needs_review: bool | None = None
    overdue: bool | None = None
    received_from: datetime | None = None
    received_to: datetime | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None
    text: str | None = None
    case_number: str | None = None

    def visible_to(self, principal: Principal) -> "FeedbackFilter | None":
        """Narrowed to the key's agency; None when it asks for another agency's feedback."""
        visible, agency_id = principal.listing_agency(self.agency_id)
        return dataclasses.replace(self, agency_id=agency_id) if visible else None


def search_text(q: str | None) -> str | None:
    """The full-text search as given, or a 422 naming `q` when the database could not run it."""
    text = q.strip() if q else None
    if not text:
        return None
    if text.count("-") > SEARCH_MAX_MINUS:
        raise UnprocessableEntity.for_field(
            "q",
            f"At most {SEARCH_MAX_MINUS} «-» signs (exclusions and hyphens) in a search",
            location="query",
            type_="too_many_operators",
        )
    if len(text.split()) > SEARCH_MAX_WORDS:
        raise UnprocessableEntity.for_field(
            "q",
            f"At most {SEARCH_MAX_WORDS} words in a search",
            location="query",
            type_="too_many_terms",
        )
    return text


def _ordered(low: Bound | None, high: Bound | None, field: str) -> None:
    if low is not None and high is not None and low > high:
        raise UnprocessableEntity.for_field(
            field, "The lower bound is after the upper bound", location="query", type_="range"
        )


def feedback_filter(
    agency_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    stage: Stage | None = None,
    channel: Channel | None = None,
    touchpoint_id: uuid.UUID | None = None,
    rating: Annotated[int | None, Query(ge=1, le=5, description="Exactly this rating")] = None,
    rating_min: Annotated[int | None, Query(ge=1, le=5)] = None,
    rating_max: Annotated[int | None, Query(ge=1, le=5)] = None,
    status: Annotated[
        list[FeedbackStatus] | None, Query(description="One or more statuses (repeat the key)")
    ] = None,
    category: Annotated[PainCategory | None, Query(description="Has this pain category")] = None,
    needs_review: bool | None = None,
    overdue: Annotated[
        bool | None, Query(description="Open (acknowledged, in review) past its answer date")
    ] = None,
    received_from: Annotated[QueryMoment, Query(description=MOMENT_DOC + "; inclusive")] = None,
    received_to: Annotated[QueryMoment, Query(description=MOMENT_DOC + "; exclusive")] = None,
    occurred_from: Annotated[QueryMoment, Query(description=MOMENT_DOC + "; inclusive")] = None,
    occurred_to: Annotated[QueryMoment, Query(description=MOMENT_DOC + "; exclusive")] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Full-text search in comments (Russian: «очередь» finds «очереди»); "
            'quotes, OR and -word work as in web search, e.g. `"долгое ожидание" -МФЦ`; '
            f"at most {SEARCH_MAX_WORDS} words and {SEARCH_MAX_MINUS} «-» signs",
        ),
    ] = None,
    case_number: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=64,
            pattern=CASE_NUMBER_PATTERN,
            description="Only the feedback given with this case (application) number",
        ),
    ] = None,
) -> FeedbackFilter:
    where = FeedbackFilter(
        agency_id=agency_id,
        service_id=service_id,
        stage=stage,
        channel=channel,
        touchpoint_id=touchpoint_id,
        rating_min=max(rating_min or 1, rating or 1) if rating or rating_min else None,
        rating_max=min(rating_max or 5, rating or 5) if rating or rating_max else None,
        statuses=tuple(dict.fromkeys(status or ())),
        category=category,
        needs_review=needs_review,
        overdue=overdue,
        received_from=received_from,
        received_to=received_to,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
        text=search_text(q),
        case_number=case_number,
    )
    _ordered(where.rating_min, where.rating_max, "rating_min")
    _ordered(where.received_from, where.received_to, "received_from")
    _ordered(where.occurred_from, where.occurred_to, "occurred_from")
    return where


Filter = Annotated[FeedbackFilter, Depends(feedback_filter)]
