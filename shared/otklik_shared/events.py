"""Cross-service events: the envelope, the typed payload of every event, and who consumes it.

Events carry ids and reference data only, never personal data. Evolve a payload additively and
bump `version` when its meaning changes; consumers accept every version they know.
"""

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from otklik_shared.vocab import (
    AgencyLevel,
    Channel,
    ClientType,
    Criterion,
    Direction,
    PainCategory,
    Stage,
)
from otklik_shared.vocab_touchpoints import TouchpointKind


class Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class AgencyPayload(Payload):
    agency_id: UUID
    name: str
    short_name: str | None = None
    level: AgencyLevel
    parent_id: UUID | None = None
    region_code: str | None = None


class EnvelopeBase(BaseModel):
    """What every event carries around its payload."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: UUID
    version: int = 1
    occurred_at: datetime
    producer: str = Field(examples=["plans-api"])


class AgencyUpserted(EnvelopeBase):
    """An agency was created or changed (plans-api owns agencies)."""

    type: Literal["agency.upserted"] = "agency.upserted"
    payload: AgencyPayload


class ServicePayload(Payload):
    service_id: UUID
    agency_id: UUID
    title: str
    register_number: str | None = None
    direction: Direction
    stages: list[Stage]
    life_situation_ids: list[UUID] = Field(default_factory=list)
    retired: bool = False


class ServiceUpserted(EnvelopeBase):
    """A state service was created, changed (e.g. its stages) or retired."""

    type: Literal["service.upserted"] = "service.upserted"
    payload: ServicePayload


class PlanPayload(Payload):
    plan_id: UUID
    agency_id: UUID
    service_id: UUID
    items: int


class PlanApproved(EnvelopeBase):
    """A departmental plan was approved and is now tracked to completion."""

    type: Literal["plan.approved"] = "plan.approved"
    payload: PlanPayload


class PlanItemStatusPayload(Payload):
    plan_id: UUID
    agency_id: UUID
    service_id: UUID
    item_id: UUID
    number: str
    status: Literal["not_started", "in_progress", "done", "overdue"]
    previous_status: Literal["not_started", "in_progress", "done", "overdue"]


class PlanItemStatusChanged(EnvelopeBase):
    """An item of an approved plan changed its derived status by an action on it."""

    type: Literal["plan.item_status_changed"] = "plan.item_status_changed"
    payload: PlanItemStatusPayload


class TouchpointPayload(Payload):
    touchpoint_id: UUID
    agency_id: UUID
    name: str
    kind: TouchpointKind
    is_digital: bool
    service_ids: list[UUID] = Field(default_factory=list)
    deleted: bool = False
    # added later: events of older producers carry none
    directions: list[Direction] = Field(default_factory=list)


class TouchpointUpserted(EnvelopeBase):
    """A touchpoint of the registry was created, changed or deleted."""

    type: Literal["touchpoint.upserted"] = "touchpoint.upserted"
    payload: TouchpointPayload


class FeedbackPayload(Payload):
    """One accepted feedback. `comment` has e-mails, phone numbers, card, SNILS, INN, OMS policy
    and passport numbers masked; contacts never leave feedback-api."""

    feedback_id: UUID
    agency_id: UUID
    service_id: UUID | None = None
    stage: Stage | None = None
    channel: Channel
    touchpoint_id: UUID | None = None
    client_type: ClientType
    rating: int = Field(ge=1, le=5)
    criteria: dict[Criterion, int] = Field(default_factory=dict)
    comment: str | None = None
    occurred_at: datetime
    received_at: datetime


class FeedbackReceived(EnvelopeBase):
    """A citizen's feedback was accepted (committed) by feedback-api."""

    type: Literal["feedback.received"] = "feedback.received"
    payload: FeedbackPayload


Sentiment = Literal["positive", "neutral", "negative"]


class ClassificationPayload(Payload):
    feedback_id: UUID
    categories: list[PainCategory]
    sentiment: Sentiment


class FeedbackClassified(EnvelopeBase):
    """The reporting worker classified a feedback's comment (pain categories, sentiment)."""

    type: Literal["feedback.classified"] = "feedback.classified"
    payload: ClassificationPayload


class AnswerPayload(Payload):
    feedback_id: UUID
    agency_id: UUID
    answer_number: int = Field(ge=1, description="1 for the first answer, 2 after a re-answer")


class FeedbackAnswered(EnvelopeBase):
    """An operator answered a feedback; the answer goes back to the client that posted it."""

    type: Literal["feedback.answered"] = "feedback.answered"
    payload: AnswerPayload


class AnswerRatingPayload(Payload):
    feedback_id: UUID
    agency_id: UUID
    service_id: UUID | None = None
    stage: Stage | None = None
    channel: Channel
    answer_number: int = Field(ge=1, description="the answer the citizen rated")
    satisfied: bool = Field(description="the citizen is satisfied with the answer")


class FeedbackAnswerRated(EnvelopeBase):
    """A citizen rated the agency's answer on the private answer page: the share of satisfied
    answers is the KPI of the federal feedback platform. The citizen's own words stay in
    feedback-api."""

    type: Literal["feedback.answer_rated"] = "feedback.answer_rated"
    payload: AnswerRatingPayload


class ProposalPayload(Payload):
    proposal_id: UUID
    feedback_id: UUID
    agency_id: UUID
    service_id: UUID | None = None
    stage: Stage | None = None
    title: str
    rationale: str | None = None
    proposed_by: str


class ProposalSubmitted(EnvelopeBase):
    """An operator turned a feedback into a proposal for the agency's plan (seed 000, 3.4)."""

    type: Literal["proposal.submitted"] = "proposal.submitted"
    payload: ProposalPayload


class ProposalDecisionPayload(Payload):
    proposal_id: UUID
    feedback_id: UUID
    agency_id: UUID
    status: Literal["accepted", "rejected"]
    decided_at: datetime
    decided_by: str
    reason: str | None = Field(default=None, description="why it was rejected")
    plan_id: UUID | None = Field(default=None, description="the plan it became an item of")
    plan_item_id: UUID | None = None
    item_number: str | None = None


class ProposalDecided(EnvelopeBase):
    """The agency accepted a proposal into a plan or rejected it (plans-api): the outcome goes
    back to the feedback it came from."""

    type: Literal["proposal.decided"] = "proposal.decided"
    payload: ProposalDecisionPayload


Event = Annotated[
    AgencyUpserted
    | ServiceUpserted
    | TouchpointUpserted
    | PlanApproved
    | PlanItemStatusChanged
    | FeedbackReceived
    | FeedbackClassified
    | FeedbackAnswered
    | FeedbackAnswerRated
    | ProposalSubmitted
    | ProposalDecided,
    Field(discriminator="type"),
]
EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)

# Each consumer has its own arq queue; an event goes to every queue listed for its type.
QUEUE_PREFIX = "otklik:"
ROUTES: dict[str, tuple[str, ...]] = {
    "agency.upserted": ("feedback", "reporting"),
    "service.upserted": ("feedback", "reporting"),
    "touchpoint.upserted": ("feedback", "reporting"),
    "plan.approved": ("reporting",),
    "plan.item_status_changed": ("reporting",),
    "feedback.received": ("reporting",),
    "feedback.classified": ("feedback",),
    "feedback.answered": ("feedback",),
    "feedback.answer_rated": ("reporting",),
    "proposal.submitted": ("plans",),
    "proposal.decided": ("feedback",),
}


def queue_name(consumer: str) -> str:
    return f"{QUEUE_PREFIX}{consumer}"


def parse_event(data: dict[str, object]) -> Event:
    return EVENT_ADAPTER.validate_python(data)
