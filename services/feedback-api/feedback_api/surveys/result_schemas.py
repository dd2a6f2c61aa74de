"""A run's results: per-question aggregates and the facts a report and a control point need."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from feedback_api.surveys.questions import QuestionKind, SurveyAudience
from feedback_api.surveys.schemas import RunStatus


class ValueCount(BaseModel):
    value: int
    count: int


class OptionCount(BaseModel):
    id: int
    label: str
    count: int
    percent: float = Field(description="Share of those who answered the question, in %")


class NpsBreakdown(BaseModel):
    promoters: int = Field(description="Scores 9–10")
    passives: int = Field(description="Scores 7–8")
    detractors: int = Field(description="Scores 0–6")
    score: float | None = Field(description="% promoters − % detractors, −100…100")


class QuestionResult(BaseModel):
    number: int
    kind: QuestionKind
    text: str
    answered: int = Field(description="Respondents who answered this question")
    average: float | None = Field(default=None, description="Rating and NPS")
    distribution: list[ValueCount] | None = Field(
        default=None, description="Rating and NPS: every score with its count"
    )
    nps: NpsBreakdown | None = None
    options: list[OptionCount] | None = Field(default=None, description="Choice questions")
    latest_texts: list[str] | None = Field(
        default=None, description="Text questions: the latest answers, personal data masked"
    )


class InstrumentSummary(BaseModel):
    template_id: uuid.UUID
    code: str
    title: str
    audience: SurveyAudience
    methodology_form: str | None
    question_count: int


class SurveyFacts(BaseModel):
    """The survey's facts for the monthly report and to close a plan's control point (seed
    002): the shape plans-api takes as a survey evidence."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "link": "https://feedback.example.ru/api/v1/public/surveys/Zq3…",
                    "start_date": "2026-12-01",
                    "end_date": "2026-12-31",
                    "respondents": 412,
                    "instrument": "Анкета «Удовлетворенность государственной услугой "
                    "(внешние клиенты)», форма № 1 приложения № 3 к Методике ОС, вопросов: 8",
                }
            ]
        }
    )

    link: str
    start_date: date
    end_date: date = Field(
        description="The day the run ended, or the analysis date (today) while it is open"
    )
    respondents: int
    instrument: str


class SurveyResults(BaseModel):
    run_id: uuid.UUID
    title: str
    status: RunStatus
    as_of: datetime
    respondents: int
    first_response_at: datetime | None
    last_response_at: datetime | None
    instrument: InstrumentSummary
    facts: SurveyFacts
    questions: list[QuestionResult]


class RunPeriodFacts(BaseModel):
    run_id: uuid.UUID
    title: str
    agency_id: uuid.UUID
    service_id: uuid.UUID | None
    facts: SurveyFacts = Field(description="The run's own facts: its dates, all its respondents")
    respondents_in_period: int = Field(description="Responses submitted within the period")


class SurveyPeriodFacts(BaseModel):
    """The runs that were open during a period, with their facts: a monthly report's section."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "date_from": "2026-11-01",
                    "date_to": "2026-11-30",
                    "runs": [
                        {
                            "run_id": "0193a1b2-4444-7e5f-8a9b-0c1d2e3f4a5b",
                            "title": "Мониторинг удовлетворенности",
                            "agency_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b",
                            "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                            "facts": {
                                "link": "https://feedback.example.ru/api/v1/public/surveys/Zq3…",
                                "start_date": "2026-10-15",
                                "end_date": "2026-12-01",
                                "respondents": 412,
                                "instrument": "Анкета «Удовлетворенность государственной "
                                "услугой (внешние клиенты)», вопросов: 8",
                            },
                            "respondents_in_period": 380,
                        }
                    ],
                }
            ]
        }
    )

    date_from: date
    date_to: date
    runs: list[RunPeriodFacts]
