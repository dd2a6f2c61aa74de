import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, UrlConstraints

# what the endpoint and attempt tables hold
URL_MAX_LENGTH = 2000


class WebhookEndpointIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"url": "https://portal.example.ru/otklik/answers"}]},
    )

    url: Annotated[AnyHttpUrl, UrlConstraints(max_length=URL_MAX_LENGTH)] = Field(
        description="Where answers are POSTed: HTTPS, a public address, no user or password "
        "(in production); at most 2000 characters"
    )


class WebhookEndpointRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    url: str
    active: bool
    created_at: datetime
    updated_at: datetime


class WebhookEndpointCreated(WebhookEndpointRead):
    secret: str = Field(
        description="The signing secret, shown once: keep it to verify `X-Otklik-Signature`; "
        "registering again replaces it"
    )


class WebhookAttemptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    feedback_id: uuid.UUID
    answer_number: int
    attempt: int = Field(description="1 for the first try of this answer's delivery")
    url: str
    status_code: int | None = Field(description="The endpoint's HTTP status; null on no answer")
    error: str | None
    duration_ms: int
    delivered: bool
    at: datetime


class AnswerNotice(BaseModel):
    """The body of a `feedback.answered` webhook."""

    event: str = "feedback.answered"
    feedback_id: uuid.UUID
    status: str
    answer: str | None
    answered_at: datetime | None
    case_number: str | None
    answer_number: int
