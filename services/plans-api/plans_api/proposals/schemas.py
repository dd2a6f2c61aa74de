import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from otklik_shared.vocab import ResultDocument, Stage
from plans_api.plans.schemas import REASON_DOC, Reason
from plans_api.proposals.models import ProposalStatus

OTHER_MEASURES_SECTION = "5"


class ProposalRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    feedback_id: uuid.UUID = Field(description="The citizen's feedback it comes from")
    agency_id: uuid.UUID
    service_id: uuid.UUID | None
    stage: Stage | None
    title: str
    rationale: str | None
    proposed_by: str
    submitted_at: datetime
    status: ProposalStatus
    decided_at: datetime | None
    decided_by: str | None
    reject_reason: str | None
    plan_id: uuid.UUID | None = Field(description="The plan it was accepted into")
    plan_item_id: uuid.UUID | None
    item_number: str | None = Field(description="The item's number in that plan, e.g. 5.3")


class ProposalAccept(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "plan_id": "3f2b8c1e-6a7d-4e5f-8a9b-0c1d2e3f4a5b",
                    "section": "2",
                    "text": "Размещение схемы проезда к МФЦ на региональном портале",
                    "result": "Отчет о реализации",
                    "result_kinds": ["implementation_report"],
                }
            ]
        },
    )

    plan_id: uuid.UUID = Field(description="A plan of the proposal's agency (and service)")
    section: str = Field(
        default=OTHER_MEASURES_SECTION,
        pattern=r"^[1-9]\d*$",
        description="Template section of the new item; 5 «Иные мероприятия» by default",
    )
    text: str | None = Field(
        default=None, min_length=3, max_length=5000, description="The proposal's title if left out"
    )
    result: str = Field(default="", max_length=2000)
    result_kinds: list[ResultDocument] = Field(default_factory=list, max_length=7)
    revision_reason: Reason | None = Field(
        default=None, description=REASON_DOC + "; the proposal is cited when left out"
    )


class ProposalReject(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [{"reason": "Мера уже предусмотрена пунктом 2.3.2 утвержденного плана"}]
        },
    )

    reason: str = Field(min_length=5, max_length=2000)
