"""The feedback resource as clients see it: what a portal posts, what it gets back, what an
operator reads."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.config import JsonDict

from feedback_api.feedback.models import FeedbackStatus
from otklik_shared.measures import MOSCOW
from otklik_shared.vocab import Channel, ClientType, PainCategory, Stage

Score = Annotated[int, Field(ge=1, le=5)]
# clocks of clients drift; an interaction a little "in the future" is a clock, not a lie. The
# window is configurable (CLOCK_SKEW_MINUTES) up to this bound, which queries rely on.
CLOCK_SKEW = timedelta(minutes=60)
OLDEST_INTERACTION = timedelta(days=366)
CASE_NUMBER_PATTERN = r"^[0-9A-Za-zА-Яа-яЁё\-_/.]+$"

_CREATE_EXAMPLE: JsonDict = {
    "service_id": "0b7e4a52-2f8c-4c1e-9d55-3c1f6f0a9e21",
    "stage": "application",
    "channel": "regional_portal",
    "touchpoint_id": None,
    "rating": 2,
    "criteria": {"provision_time": 2, "info_availability": 3},
    "comment": "Заявление приняли только с третьей попытки, портал выдавал ошибку.",
    "case_number": "2026-000123456",
    "client_type": "individual",
    "occurred_at": "2026-11-20T10:15:00+03:00",
    "answer_requested": True,
    "contact": {"name": "Иван", "email": "citizen@example.org", "consent": True},
}


class CriteriaRatings(BaseModel):
    """The five criteria of the federal rating of state services, each 1–5."""

    model_config = ConfigDict(extra="forbid")

    provision_time: Score | None = Field(default=None, description="время предоставления")
    queue_wait: Score | None = Field(default=None, description="время ожидания в очереди")
    staff_courtesy: Score | None = Field(
        default=None, description="вежливость и компетентность сотрудника"
    )
    premises_comfort: Score | None = Field(default=None, description="комфортность условий")
    info_availability: Score | None = Field(
        default=None, description="доступность информации о порядке предоставления"
    )


class ContactIn(BaseModel):
    """How to reach the citizen for an answer; kept encrypted, apart from the feedback."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 ()\-]{5,20}$")
    consent: bool = Field(description="The citizen agreed to be contacted about this feedback")

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, consent: bool) -> bool:
        if not consent:
            raise ValueError("contact details are kept only with the citizen's consent")
        return consent

    @model_validator(mode="after")
    def _reachable(self) -> "ContactIn":
        if self.email is None and self.phone is None:
            raise ValueError("give an email or a phone number")
        return self


class FeedbackCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [_CREATE_EXAMPLE]}
    )

    service_id: uuid.UUID | None = Field(
        default=None,
        description="The state service; leave out for feedback on the interaction as a whole "
        "(the site, the app, the agency) and give `agency_id` instead",
    )
    agency_id: uuid.UUID | None = Field(
        default=None, description="Needed without a service; with one, must be its agency"
    )
    stage: Stage | None = Field(
        default=None, description="The stage of the client path; required with a service"
    )
    channel: Channel
    touchpoint_id: uuid.UUID | None = Field(
        default=None, description="A touchpoint of the agency's registry"
    )
    rating: Score = Field(description="Overall rating, 1 (worst) to 5 (best)")
    criteria: CriteriaRatings = Field(default_factory=CriteriaRatings)
    comment: Annotated[str, StringConstraints(max_length=2000)] | None = None
    case_number: str | None = Field(
        default=None,
        max_length=64,
        pattern=CASE_NUMBER_PATTERN,
        description="The citizen's case or application number: links one case across stages",
    )
    client_type: ClientType = ClientType.INDIVIDUAL
    occurred_at: datetime | None = Field(
        default=None,
        description="When the interaction happened, at most a year ago and not later than the "
        "receipt (give or take the clock skew allowed, CLOCK_SKEW_MINUTES, 10 by default); "
        "without a time zone it is Moscow time (UTC+3); left out, the time of receipt",
    )
    answer_requested: bool = Field(
        default=False, description="The citizen asks for an answer to the comment"
    )
    contact: ContactIn | None = None

    @field_validator("comment")
    @classmethod
    def _blank_is_none(cls, comment: str | None) -> str | None:
        return comment or None

    @field_validator("occurred_at")
    @classmethod
    def _plausible_time(cls, occurred_at: datetime | None) -> datetime | None:
        """The future is checked against the receipt (ingest rules), with the allowed skew."""
        if occurred_at is None:
            return None
        if occurred_at.tzinfo is None:
            occurred_at = occurred_at.replace(tzinfo=MOSCOW)
        if occurred_at < datetime.now(UTC) - OLDEST_INTERACTION:
            raise ValueError("the interaction is more than a year ago")
        return occurred_at


class FeedbackReceipt(BaseModel):
    """What the client gets at once: the receipt, and when the answer is due."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                    "status": "acknowledged",
                    "received_at": "2026-11-23T09:00:00Z",
                    "needs_review": True,
                    "answer_due_at": "2026-12-23T09:00:00Z",
                    "message": "Ваш отзыв получен 23.11.2026. Ответ будет дан не позднее "
                    "23.12.2026.",
                    "answer_url": "https://otklik.example.ru/a/"
                    "AZqPPFseeCqfAD1OX2p7jM2sQ7Xj1bVqL9n0ZxW4yTg",
                }
            ]
        }
    )

    id: uuid.UUID
    status: FeedbackStatus
    received_at: datetime
    needs_review: bool
    answer_due_at: datetime | None
    message: str = Field(description="The notice of receipt to show the citizen, in Russian")
    answer_url: str | None = Field(
        default=None,
        description="The citizen's private page of this feedback: its status, the agency's "
        "answer and the citizen's rating of it. Give it to the citizen only; it is shown once "
        "(absolute when PUBLIC_BASE_URL is set, else a path on this API's host)",
    )


class FeedbackRead(BaseModel):
    """A feedback as an operator sees it (never with contact details). Personal data typed into
    the comment is masked unless the key has `feedback:contacts` (each such read is logged)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    received_at: datetime
    agency_id: uuid.UUID
    service_id: uuid.UUID | None
    stage: Stage | None
    channel: Channel
    touchpoint_id: uuid.UUID | None
    client_type: ClientType
    rating: int
    criteria: CriteriaRatings
    comment: str | None
    case_number: str | None
    occurred_at: datetime
    answer_requested: bool
    has_contact: bool
    needs_review: bool
    status: FeedbackStatus
    acknowledged_at: datetime | None
    answer_due_at: datetime | None
    overdue: bool
    assignee: str | None
    answer: str | None = Field(description="The latest answer (earlier ones: the detail)")
    answered_by: str | None
    answered_at: datetime | None
    closed_at: datetime | None
    categories: list[PainCategory]
    sentiment: Literal["positive", "neutral", "negative"] | None
