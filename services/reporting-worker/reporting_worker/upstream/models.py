"""What the report reads of plans-api's and feedback-api's answers: only the fields it uses,
each named by the schema of the committed spec it comes from (`contract`), which a test holds
them to. Other fields of an answer are ignored, so the owner may add fields freely."""

import uuid
from datetime import date
from typing import ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict


class Contract(NamedTuple):
    service: str
    schema: str


class UpstreamModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    contract: ClassVar[Contract]


class Executor(UpstreamModel):
    contract = Contract("plans-api", "ExecutorRead")
    unit: str
    person: str | None = None
    end_date: date


class OverdueItem(UpstreamModel):
    contract = Contract("plans-api", "OverdueItem")
    plan_id: uuid.UUID
    number: str
    text: str
    executors: list[Executor]
    missed_deadline: date | None = None
    late_executor: Executor | None = None


class DoneItem(UpstreamModel):
    contract = Contract("plans-api", "DoneItem")
    item_id: uuid.UUID
    number: str
    text: str
    done_on: date | None
    stages: list[str]
    criteria: list[str]


class ProgressCounts(UpstreamModel):
    contract = Contract("plans-api", "ProgressCounts")
    items: int
    not_started: int
    in_progress: int
    done: int
    overdue: int


class TrackedPlan(UpstreamModel):
    contract = Contract("plans-api", "TrackedPlanProgress")
    plan_id: uuid.UUID
    service_id: uuid.UUID
    title: str
    status: str
    counts: ProgressCounts
    overdue: list[OverdueItem]
    done_items: list[DoneItem] = []


class PlansProgress(UpstreamModel):
    contract = Contract("plans-api", "PlansProgress")
    as_of: date
    plans: list[TrackedPlan]


class LifeSituation(UpstreamModel):
    contract = Contract("plans-api", "LifeSituationRead")
    title: str


class RunFacts(UpstreamModel):
    contract = Contract("feedback-api", "SurveyFacts")
    link: str
    start_date: date
    end_date: date
    respondents: int
    instrument: str


class RunPeriodFacts(UpstreamModel):
    contract = Contract("feedback-api", "RunPeriodFacts")
    run_id: uuid.UUID
    title: str
    service_id: uuid.UUID | None
    facts: RunFacts
    respondents_in_period: int


class SurveyPeriodFacts(UpstreamModel):
    contract = Contract("feedback-api", "SurveyPeriodFacts")
    runs: list[RunPeriodFacts]


class ValueCount(UpstreamModel):
    contract = Contract("feedback-api", "ValueCount")
    value: int
    count: int


class OptionCount(UpstreamModel):
    contract = Contract("feedback-api", "OptionCount")
    label: str
    count: int
    percent: float


class NpsBreakdown(UpstreamModel):
    contract = Contract("feedback-api", "NpsBreakdown")
    score: float | None


class QuestionResult(UpstreamModel):
    contract = Contract("feedback-api", "QuestionResult")
    number: int
    kind: str
    text: str
    answered: int
    average: float | None = None
    distribution: list[ValueCount] | None = None
    nps: NpsBreakdown | None = None
    options: list[OptionCount] | None = None
    latest_texts: list[str] | None = None


class SurveyResults(UpstreamModel):
    contract = Contract("feedback-api", "SurveyResults")
    respondents: int
    questions: list[QuestionResult]
