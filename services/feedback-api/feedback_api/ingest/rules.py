"""The rules a feedback must meet against the catalog, and the row it becomes.

Checks that need no data (ranges, lengths, the oldest time, consent) are in the request model;
the ones here need feedback-api's copy of the catalog, or the receipt time and the configured
clock skew (occurred_at). A key bound to an agency sees other agencies'
services and touchpoints as unknown.
"""

import functools
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from feedback_api.answers.links import AnswerLinks
from feedback_api.feedback.models import CRITERIA_COLUMNS, FeedbackStatus
from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from feedback_api.ingest.catalog_lookup import CatalogSnapshot
from feedback_api.ingest.redaction import mask_personal_data
from feedback_api.review.rules import needs_review
from otklik_kit.auth.keys import Principal
from otklik_shared.measures import MOSCOW
from otklik_shared.problem import FieldError
from otklik_shared.vocab import STAGE_LABELS


class RuleViolation(Exception):
    def __init__(self, field: str, message: str, type_: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.type = type_

    def field_error(self, prefix: str) -> FieldError:
        return FieldError(
            location="body", field=prefix + self.field, message=self.message, type=self.type
        )


@dataclass(slots=True)
class PreparedFeedback:
    """A feedback that passed every rule: its row, its receipt and its event payload."""

    id: uuid.UUID
    received_at: datetime
    occurred_at: datetime
    agency_id: uuid.UUID
    needs_review: bool
    status: FeedbackStatus
    answer_due_at: datetime | None
    receipt: FeedbackReceipt
    answer_token: str
    answer_token_hash: str

    def event_payload(self, data: FeedbackCreate) -> dict[str, Any]:
        criteria = {k: v for k, v in data.criteria.model_dump().items() if v is not None}
        payload: dict[str, Any] = {
            "feedback_id": str(self.id),
            "agency_id": str(self.agency_id),
            "service_id": str(data.service_id) if data.service_id else None,
            "stage": data.stage.value if data.stage else None,
            "channel": data.channel.value,
            "touchpoint_id": str(data.touchpoint_id) if data.touchpoint_id else None,
            "client_type": data.client_type.value,
            "rating": data.rating,
            "criteria": criteria,
            "comment": mask_personal_data(data.comment) if data.comment else None,
            "occurred_at": self.occurred_at.isoformat(),
            "received_at": self.received_at.isoformat(),
        }
        return payload


def resolve_agency(
    data: FeedbackCreate, principal: Principal, snapshot: CatalogSnapshot
) -> uuid.UUID:
    if data.service_id is not None:
        service = snapshot.services.get(data.service_id)
        if service is None or not principal.sees_agency(service.agency_id):
            raise RuleViolation("service_id", "unknown service", "unknown_service")
        if service.retired:
            raise RuleViolation("service_id", "the service is retired", "retired_service")
        if data.stage is None:
            raise RuleViolation("stage", "a stage is required with a service", "missing")
        if data.stage.value not in service.stages:
            offered = ", ".join(service.stages)
            raise RuleViolation(
                "stage",
                f"the service has no stage «{STAGE_LABELS[data.stage]}» ({data.stage.value}); "
                f"its stages: {offered}",
                "unknown_stage",
            )
        if data.agency_id is not None and data.agency_id != service.agency_id:
            raise RuleViolation(
                "agency_id", "the service belongs to another agency", "agency_mismatch"
            )
        return service.agency_id
    if data.agency_id is None:
        raise RuleViolation(
            "agency_id",
            "give a service, or an agency for feedback on the interaction as a whole",
            "missing",
        )
    if data.agency_id not in snapshot.agencies or not principal.sees_agency(data.agency_id):
        raise RuleViolation("agency_id", "unknown agency", "unknown_agency")
    return data.agency_id


def check_touchpoint(data: FeedbackCreate, agency_id: uuid.UUID, snapshot: CatalogSnapshot) -> None:
    if data.touchpoint_id is None:
        return
    touchpoint = snapshot.touchpoints.get(data.touchpoint_id)
    if touchpoint is None or touchpoint.deleted:
        raise RuleViolation("touchpoint_id", "unknown touchpoint", "unknown_touchpoint")
    if touchpoint.agency_id != agency_id:
        raise RuleViolation(
            "touchpoint_id", "the touchpoint belongs to another agency", "touchpoint_agency"
        )


def occurred_at(data: FeedbackCreate, received_at: datetime, clock_skew: timedelta) -> datetime:
    """When the interaction happened: the receipt when not given; not after the receipt beyond
    the clients' clock skew."""
    if data.occurred_at is None:
        return received_at
    if data.occurred_at > received_at + clock_skew:
        minutes = int(clock_skew.total_seconds() // 60)
        raise RuleViolation(
            "occurred_at",
            f"the interaction cannot be in the future (more than {minutes} min after receipt)",
            "future_time",
        )
    return data.occurred_at


@functools.lru_cache(maxsize=64)
def _russian_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _moscow_date(moment: datetime) -> str:
    return _russian_date(moment.astimezone(MOSCOW).date())


def receipt_message(received_at: datetime, answer_due_at: datetime | None) -> str:
    received = _moscow_date(received_at)
    if answer_due_at is None:
        return f"Ваш отзыв получен {received}. Спасибо за оценку."
    due = _moscow_date(answer_due_at)
    return f"Ваш отзыв получен {received}. Ответ будет дан не позднее {due}."


def prepare(
    data: FeedbackCreate,
    *,
    feedback_id: uuid.UUID,
    received_at: datetime,
    principal: Principal,
    snapshot: CatalogSnapshot,
    default_due_days: int,
    clock_skew: timedelta,
    links: AnswerLinks,
) -> PreparedFeedback:
    occurred = occurred_at(data, received_at, clock_skew)
    agency_id = resolve_agency(data, principal, snapshot)
    check_touchpoint(data, agency_id, snapshot)
    review = needs_review(data)
    answer_due_at = None
    if review:
        days = snapshot.agencies.get(agency_id) or default_due_days
        answer_due_at = received_at + timedelta(days=days)
    status = FeedbackStatus.ACKNOWLEDGED if review else FeedbackStatus.RECEIVED
    link = links.issue(feedback_id)
    receipt = FeedbackReceipt(
        id=feedback_id,
        status=status,
        received_at=received_at,
        needs_review=review,
        answer_due_at=answer_due_at,
        message=receipt_message(received_at, answer_due_at),
        answer_url=links.url(link.token),
    )
    return PreparedFeedback(
        feedback_id,
        received_at,
        occurred,
        agency_id,
        review,
        status,
        answer_due_at,
        receipt,
        link.token,
        link.secret_hash,
    )


def criteria_values(data: FeedbackCreate) -> list[int | None]:
    given = data.criteria
    return [getattr(given, criterion.value) for criterion in CRITERIA_COLUMNS]
