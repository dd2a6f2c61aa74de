import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from otklik_shared.vocab import Criterion, ResultDocument, Stage
from plans_api.plans.models import ExecutorStatus, PlanStatus
from plans_api.templates.schemas import TemplateFootnote

Reason = Annotated[str, Field(min_length=5, max_length=2000)]
REASON_DOC = "Required once the plan is approved: why it changes (kept in the history)"


class ItemStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"


class ExecutorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = Field(
        default=None,
        description="An executor of this item to keep, with its status and completion time; "
        "when omitted, an executor with the same unit and person is kept",
    )
    unit: str = Field(min_length=2, max_length=500, description="Responsible unit or body")
    person: str | None = Field(default=None, max_length=200)
    person_position: str | None = Field(default=None, max_length=200)
    start_date: date
    end_date: date
    status: ExecutorStatus = Field(
        default=ExecutorStatus.NOT_STARTED,
        description="Omit to keep a kept executor's status (a new one starts not_started)",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> "ExecutorIn":
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class ExecutorsReplace(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "executors": [
                        {
                            "unit": "Отдел организации предоставления услуг министерства",
                            "person": "Иванова А.С.",
                            "person_position": "начальник отдела",
                            "start_date": "2023-11-01",
                            "end_date": "2023-12-01",
                        },
                        {
                            "unit": "ОМСУ",
                            "start_date": "2023-12-01",
                            "end_date": "2023-12-25",
                        },
                    ]
                }
            ]
        },
    )

    executors: list[ExecutorIn] = Field(min_length=1, max_length=50)
    revision_reason: Reason | None = Field(default=None, description=REASON_DOC)


class ExecutorStatusUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"status": "done"}]})

    status: ExecutorStatus


class ExecutorRead(ExecutorIn):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    completed_at: datetime | None


class SurveyFacts(BaseModel):
    """What closes a survey control point (seed 002): link, dates, respondents, instrument."""

    model_config = ConfigDict(extra="forbid")

    link: AnyHttpUrl
    start_date: date
    end_date: date
    respondents: int = Field(ge=1)
    instrument: str = Field(min_length=3, max_length=500, examples=["Анкета удовлетворенности"])


class EvidenceIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "order",
                    "number": "145-о",
                    "document_date": "2023-11-20",
                    "title": "О назначении ответственного за реализацию плана мероприятий",
                    "url": "https://minsoc.example.ru/docs/145-o.pdf",
                }
            ]
        },
    )

    kind: ResultDocument
    number: str | None = Field(default=None, max_length=100)
    document_date: date | None = None
    title: str = Field(min_length=3, max_length=1000)
    url: AnyHttpUrl | None = None
    survey: SurveyFacts | None = None


class EvidenceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ResultDocument
    number: str | None
    document_date: date | None
    title: str
    url: str | None
    survey: SurveyFacts | None
    file_name: str | None
    file_size: int | None
    created_at: datetime


class PlanRowRead(BaseModel):
    id: uuid.UUID
    number: str
    kind: Literal["section", "group", "item"]
    text: str
    result: str
    result_kinds: list[ResultDocument]
    footnotes: list[str]
    control_point: str | None
    origin: Literal["template", "custom", "proposal"]
    proposal_ref: str | None
    status: ItemStatus | None = Field(description="Derived, for items only")
    executors: list[ExecutorRead]
    evidence: list[EvidenceRead]


class ProgressCounts(BaseModel):
    items: int
    not_started: int
    in_progress: int
    done: int
    overdue: int


class PlanRead(BaseModel):
    id: uuid.UUID
    agency_id: uuid.UUID
    service_id: uuid.UUID
    checklist_id: uuid.UUID | None
    template_code: str
    template_version: int
    title: str
    approving_official: str | None
    document_number: str | None
    document_date: date | None
    status: PlanStatus
    approved_at: datetime | None
    completed_at: datetime | None
    revision: int
    progress: ProgressCounts
    rows: list[PlanRowRead]
    footnotes: list[TemplateFootnote]
    created_at: datetime
    updated_at: datetime


class PlanSummary(BaseModel):
    id: uuid.UUID
    agency_id: uuid.UUID
    service_id: uuid.UUID
    title: str
    status: PlanStatus
    document_number: str | None
    document_date: date | None
    progress: ProgressCounts


class PlanHeaderUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"approving_official": "Министр А.А. Петров"}]},
    )

    title: str | None = Field(default=None, min_length=10, max_length=1500)
    approving_official: str | None = Field(default=None, max_length=500)
    document_number: str | None = Field(default=None, max_length=100)
    document_date: date | None = None
    revision_reason: Reason | None = Field(default=None, description=REASON_DOC)


class PlanApproval(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approving_official": "Министр социальной защиты Республики Примерной",
                    "document_number": "12-П",
                    "document_date": "2023-10-30",
                }
            ]
        },
    )

    approving_official: str = Field(min_length=3, max_length=500)
    document_number: str = Field(min_length=1, max_length=100)
    document_date: date


class ItemUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Определение ответственного за качество предоставления услуги в ОМСУ",
                    "revision_reason": "Уточнение исполнителя по итогам совещания",
                }
            ]
        },
    )

    text: str | None = Field(default=None, min_length=3, max_length=5000)
    result: str | None = Field(default=None, max_length=2000)
    result_kinds: list[ResultDocument] | None = Field(default=None, max_length=7)
    revision_reason: Reason | None = Field(default=None, description=REASON_DOC)


class CustomItemCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "section": "3",
                    "text": "Размещение схемы проезда к МФЦ на региональном портале",
                    "result": "Отчет о реализации",
                    "result_kinds": ["implementation_report"],
                    "origin": "proposal",
                    "proposal_ref": "feedback:6c1f0a52-3f5e-4b8e-9d0a-2c7b1e4f5a6b",
                }
            ]
        },
    )

    section: str = Field(pattern=r"^[1-9]\d*$", description="Template section to add it to")
    text: str = Field(min_length=3, max_length=5000)
    result: str = Field(default="", max_length=2000)
    result_kinds: list[ResultDocument] = Field(default_factory=list, max_length=7)
    origin: Literal["custom", "proposal"] = "custom"
    proposal_ref: str | None = Field(
        default=None, max_length=200, description="E.g. the citizen's feedback it comes from"
    )
    revision_reason: Reason | None = Field(default=None, description=REASON_DOC)


class RevisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    reason: str
    changes: list[dict[str, object]]
    actor: str
    created_at: datetime


class OverdueItem(BaseModel):
    plan_id: uuid.UUID
    item_id: uuid.UUID
    number: str
    text: str
    executors: list[ExecutorRead]
    missed_deadline: date | None = Field(
        default=None, description="The end date that was missed (the earliest late executor's)"
    )
    late_executor: ExecutorRead | None = Field(
        default=None, description="The executor who missed it"
    )


class DoneItem(BaseModel):
    """An item done by the progress's date, with where on the client path it acts."""

    item_id: uuid.UUID
    number: str
    text: str
    done_on: date | None = Field(description="The day it became done (Moscow); null if unknown")
    origin: Literal["template", "custom", "proposal"]
    stages: list[Stage] = Field(
        description="Stages it acts on: the proposal's stage, or the template item's mapping"
    )
    criteria: list[Criterion] = Field(description="Rating criteria it acts on (template mapping)")


class PlanProgress(BaseModel):
    plan_id: uuid.UUID
    status: PlanStatus
    counts: ProgressCounts
    overdue: list[OverdueItem]


class AgencyPlanProgress(BaseModel):
    agency_id: uuid.UUID
    plans_by_status: dict[PlanStatus, int]
    counts: ProgressCounts
    overdue: list[OverdueItem]


class TrackedPlanProgress(BaseModel):
    plan_id: uuid.UUID
    agency_id: uuid.UUID
    service_id: uuid.UUID
    title: str
    status: PlanStatus
    counts: ProgressCounts
    overdue: list[OverdueItem]
    done_items: list[DoneItem] = Field(default_factory=list, description="Done by `as_of`")


_EXECUTOR_EXAMPLE: JsonDict = {
    "id": "0193a1b2-6666-7e5f-8a9b-0c1d2e3f4a5b",
    "unit": "Отдел организации предоставления услуг",
    "person": None,
    "person_position": None,
    "start_date": "2026-06-01",
    "end_date": "2026-10-31",
    "status": "in_progress",
    "completed_at": None,
}


class PlansProgress(BaseModel):
    """Progress of the tracked plans of some services or of an agency, as of a date."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2026-12-01",
                    "plans": [
                        {
                            "plan_id": "0193a1b2-3333-7e5f-8a9b-0c1d2e3f4a5b",
                            "agency_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b",
                            "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                            "title": "План мероприятий по оптимизации предоставления услуги",
                            "status": "approved",
                            "counts": {
                                "items": 7,
                                "not_started": 1,
                                "in_progress": 2,
                                "done": 3,
                                "overdue": 1,
                            },
                            "overdue": [
                                {
                                    "plan_id": "0193a1b2-3333-7e5f-8a9b-0c1d2e3f4a5b",
                                    "item_id": "0193a1b2-4444-7e5f-8a9b-0c1d2e3f4a5b",
                                    "number": "5.2",
                                    "text": "Исключение необходимости в получении сопутствующих "
                                    "услуг",
                                    "executors": [_EXECUTOR_EXAMPLE],
                                    "missed_deadline": "2026-10-31",
                                    "late_executor": _EXECUTOR_EXAMPLE,
                                }
                            ],
                            "done_items": [
                                {
                                    "item_id": "0193a1b2-5555-7e5f-8a9b-0c1d2e3f4a5b",
                                    "number": "2.3.2",
                                    "text": "Обеспечение возможности обращения на официальном "
                                    "сайте органа власти",
                                    "done_on": "2026-10-19",
                                    "origin": "template",
                                    "stages": ["application"],
                                    "criteria": [],
                                }
                            ],
                        }
                    ],
                }
            ]
        }
    )

    as_of: date
    plans: list[TrackedPlanProgress] = Field(description="Approved and completed plans")
