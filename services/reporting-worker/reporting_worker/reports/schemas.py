"""The monthly analytical report as JSON (seed 002, 5.1.6): the one shape every renderer reads.

Conventions, kept for every figure:
- percentages are 0–100 with one decimal (CSAT, shares); averages are 1–5 with two decimals;
- `change` = value − previous (CSAT and shares in percentage points, п.п.); null when either
  side has no data;
- a figure with no responses is null, never 0, so "no data" and "zero" stay apart;
- codes are the API vocabulary (`otklik_shared.vocab`), `label` is the Russian text to print.
"""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from otklik_shared.events import Sentiment
from otklik_shared.vocab import Criterion, PainCategory, Stage
from reporting_worker.answers.schemas import AnswerSatisfaction
from reporting_worker.reports.stat_schemas import (
    ChangeTest,
    Finding,
    PercentInterval,
    RankedRow,
    StatisticsMethod,
    TrendPoint,
)
from reporting_worker.reports.survey_results import SurveyQuestion

SCHEMA_VERSION = 1


class SubjectKind(StrEnum):
    SERVICE = "service"
    AGENCY = "agency"
    LIFE_SITUATION = "life_situation"
    # an agency and its subordinate agencies, compared
    AGENCIES = "agencies"


SUBJECT_KIND_LABELS: dict[SubjectKind, str] = {
    SubjectKind.AGENCIES: "Сравнение органов власти",
    SubjectKind.SERVICE: "Государственная услуга",
    SubjectKind.AGENCY: "Орган власти",
    SubjectKind.LIFE_SITUATION: "Жизненная ситуация",
}


class SectionStatus(StrEnum):
    OK = "ok"
    # the source answered but has nothing for this subject and period
    NO_DATA = "no_data"
    # the source (plans-api, feedback-api) could not be reached: see `note` and the warnings
    UNAVAILABLE = "unavailable"


class ReportSubject(BaseModel):
    kind: SubjectKind
    kind_label: str = Field(examples=["Государственная услуга"])
    id: uuid.UUID
    title: str = Field(description="Russian title of the service, agency or life situation")
    agency_id: uuid.UUID | None = Field(
        description="The agency (for an agency: itself); null for a life situation"
    )
    agency_name: str | None
    service_ids: list[uuid.UUID] = Field(description="The services the report covers")


class ReportPeriod(BaseModel):
    date_from: date = Field(description="First day, inclusive (Moscow)")
    date_to: date = Field(description="Last day, inclusive (Moscow)")
    days: int
    label: str = Field(examples=["ноябрь 2026 г.", "01.11.2026 – 15.11.2026"])
    incomplete: bool = Field(
        default=False, description="Still in progress when built: data up to that day"
    )


class CountFigure(BaseModel):
    value: int
    previous: int
    change: int


class Figure(BaseModel):
    value: float | None
    previous: float | None
    change: float | None


class RatingShare(BaseModel):
    rating: int = Field(ge=1, le=5)
    count: int
    percent: float | None = Field(description="Share of the responses, %")
    previous_count: int
    previous_percent: float | None


class CriterionFigure(BaseModel):
    criterion: Criterion
    label: str = Field(examples=["Время ожидания в очереди"])
    average: Figure = Field(description="Average score 1–5 of those who rated it")
    rated: int = Field(description="Responses that rated this criterion in the period")
    previous_rated: int = Field(default=0, description="The same in the previous period")
    test: ChangeTest | None = Field(default=None, description="Is the change of the average real")


class Figures(BaseModel):
    """The headline set of figures; the same set for each row of every breakdown."""

    respondents: CountFigure
    average_rating: Figure
    csat: Figure = Field(description="Share of ratings 4–5, %; change in п.п.")
    distribution: list[RatingShare] = Field(description="Ratings 1 to 5, in that order")
    criteria: list[CriterionFigure] = Field(description="The five criteria, in vocabulary order")
    comments: CountFigure
    csat_interval: PercentInterval | None = Field(
        default=None, description="Wilson interval of the CSAT at the report's level"
    )
    previous_csat_interval: PercentInterval | None = None
    csat_test: ChangeTest | None = Field(
        default=None, description="Is the change of CSAT a finding (volume and significance)"
    )


class BreakdownRow(BaseModel):
    key: str = Field(
        description="Stage or channel code, or touchpoint id; '' for «не указан»",
        examples=["application"],
    )
    label: str = Field(examples=["Подача заявления"])
    detail: str | None = Field(
        default=None, description="For a touchpoint: its kind in Russian", examples=["МФЦ"]
    )
    figures: Figures


class SentimentShare(BaseModel):
    sentiment: Sentiment
    label: str = Field(examples=["Негативные"])
    count: int
    percent: float | None = Field(description="Share of the classified comments, %")
    previous_percent: float | None
    change: float | None = Field(description="п.п.")


class SentimentSection(BaseModel):
    status: SectionStatus
    classified_comments: int
    shares: list[SentimentShare] = Field(description="negative, neutral, positive")
    previous_classified_comments: int = 0


class CategoryCount(BaseModel):
    category: PainCategory
    label: str = Field(examples=["Время ожидания, очереди"])
    comments: int = Field(description="Comments with this category (multi-label)")
    negative: int = Field(description="Of them negative")
    percent: float | None = Field(description="Share of the classified comments, %")
    average_rating: float | None = Field(description="Average rating given with these comments")
    previous_comments: int
    change: int
    previous_classified: int = Field(default=0, description="Classified comments before")
    test: ChangeTest | None = Field(
        default=None, description="Is the change of the share of comments real"
    )


class Quote(BaseModel):
    """A citizen's comment as it arrived, personal data already masked; never contacts."""

    feedback_id: uuid.UUID
    text: str
    rating: int = Field(ge=1, le=5)
    sentiment: Sentiment
    categories: list[PainCategory]
    received_at: datetime


class CellCategory(BaseModel):
    category: PainCategory
    label: str
    comments: int


class PlaceKind(StrEnum):
    TOUCHPOINT = "touchpoint"
    CHANNEL = "channel"


class CellService(BaseModel):
    service_id: uuid.UUID
    title: str
    responses: int
    dissatisfied: int


class PainCell(BaseModel):
    rank: int = Field(ge=1)
    stage: Stage | None
    stage_label: str = Field(examples=["Подача заявления", "Этап не указан"])
    place_kind: PlaceKind = Field(
        description="A named touchpoint when the feedback gave one, else the channel"
    )
    place: str = Field(description="Touchpoint id or channel code")
    place_label: str = Field(examples=["МФЦ «Мои документы» на ул. Ленина", "МФЦ"])
    responses: int
    dissatisfied: int = Field(description="Ratings 1–3")
    csat: float = Field(description="%")
    average_rating: float
    score: float = Field(description="See PainMap.method")
    csat_interval: PercentInterval | None = Field(default=None, description="Wilson, %")
    csat_shrunk: float | None = Field(
        default=None, description="CSAT pulled toward the subject's, %: what the score uses"
    )
    previous_responses: int = Field(default=0, description="The same place, previous period")
    previous_csat: float | None = None
    test: ChangeTest | None = Field(default=None, description="CSAT against the previous period")
    services: list[CellService] = Field(
        default_factory=list,
        description="For an agency or life situation: the services of the cell, most "
        "dissatisfied first",
    )
    categories: list[CellCategory] = Field(description="Leading pain categories, most first")
    quotes: list[Quote] = Field(description="Up to three, negative first")


class PainMap(BaseModel):
    status: SectionStatus
    method: str = Field(description="How `score` is computed and cells chosen, in Russian")
    min_responses: int = Field(description="Cells with fewer responses are left out")
    cells: list[PainCell] = Field(description="Highest score first")


class PlanProgressRow(BaseModel):
    plan_id: uuid.UUID
    service_id: uuid.UUID
    service_title: str
    title: str
    status: str = Field(examples=["approved"], description="plans-api's plan status")
    items: int
    done: int
    in_progress: int
    overdue: int
    not_started: int
    percent_done: float | None


class OverdueItem(BaseModel):
    plan_id: uuid.UUID
    number: str = Field(examples=["2.3.2"])
    text: str
    end_date: date | None = Field(description="The latest end date of its executors")
    service_id: uuid.UUID | None = Field(default=None, description="The plan's service")
    service_title: str | None = None
    missed_deadline: date | None = Field(
        default=None, description="The end date missed as of the period's end"
    )
    executor: str | None = Field(
        default=None,
        description="Who missed it: the unit, and the person when given",
        examples=["Отдел организации предоставления услуг (Иванова А. А.)"],
    )


class PlanProgressSection(BaseModel):
    status: SectionStatus
    as_of: date | None = Field(
        default=None,
        description="The day the progress is told as of: the period's last day, or today when "
        "the period is still running",
    )
    note: str | None = Field(description="Why there is nothing, in Russian; null when status ok")
    plans: list[PlanProgressRow]
    items: int
    done: int
    in_progress: int
    overdue: int
    not_started: int
    percent_done: float | None
    overdue_items: list[OverdueItem]


class EffectWindow(BaseModel):
    """Satisfaction at the item's stages in the days before or after it was done."""

    date_from: date
    date_to: date
    responses: int
    satisfied: int = Field(description="Ratings 4–5")
    csat: float | None = Field(description="%")
    csat_low: float | None = Field(description="Wilson interval's lower bound, %")
    csat_high: float | None = Field(description="Wilson interval's upper bound, %")
    criteria: list[CriterionFigure] = Field(
        description="Averages of the item's criteria at those stages (no interval: the "
        "aggregates keep sums, not the spread)"
    )


class MeasureEffect(BaseModel):
    plan_id: uuid.UUID
    item_id: uuid.UUID
    number: str = Field(examples=["2.3.3"])
    text: str
    service_id: uuid.UUID
    service_title: str
    done_on: date
    stages: list[Stage]
    stage_labels: list[str] = Field(examples=[["Подача заявления"]])
    criteria: list[Criterion]
    before: EffectWindow
    after: EffectWindow
    change: float | None = Field(description="CSAT after − before, п.п.")
    significant: bool = Field(
        description="Both windows have enough responses and the two-proportion test rejects "
        "«no change» at the section's level"
    )
    verdict: str = Field(description="The finding in Russian")


class MeasureEffectSection(BaseModel):
    status: SectionStatus
    note: str | None = None
    method: str = Field(default="", description="Windows and test, in Russian")
    min_responses: int = Field(default=0, description="Per window, for a finding")
    confidence: float = Field(default=95.0, description="%")
    items: list[MeasureEffect] = Field(default_factory=list, description="Latest done first")


class SurveyFacts(BaseModel):
    run_id: uuid.UUID
    title: str
    service_id: uuid.UUID | None
    link: str
    start_date: date
    end_date: date = Field(description="The day the run ended, or the analysis date if open")
    respondents: int = Field(description="Responses submitted within the report's period")
    respondents_total: int = Field(description="All responses of the run")
    instrument: str
    questions: list[SurveyQuestion] = Field(
        default_factory=list, description="Results per question of the period's responses"
    )
    respondents_in_results: int | None = Field(
        default=None, description="Respondents the per-question results count (the period's)"
    )


class SurveySection(BaseModel):
    status: SectionStatus
    note: str | None
    surveys: list[SurveyFacts] = Field(description="Runs that were open during the period")


class DailyPoint(BaseModel):
    day: date
    responses: int
    csat: float | None
    average_rating: float | None


_EXAMPLE_FIGURES: dict[str, Any] = {
    "respondents": {"value": 120, "previous": 100, "change": 20},
    "average_rating": {"value": 3.9, "previous": 4.1, "change": -0.2},
    "csat": {"value": 70.0, "previous": 78.0, "change": -8.0},
    "distribution": [
        {"rating": r, "count": c, "percent": p, "previous_count": pc, "previous_percent": pp}
        for r, c, p, pc, pp in [
            (1, 12, 10.0, 6, 6.0),
            (2, 6, 5.0, 5, 5.0),
            (3, 18, 15.0, 11, 11.0),
            (4, 36, 30.0, 38, 38.0),
            (5, 48, 40.0, 40, 40.0),
        ]
    ],
    "criteria": [
        {
            "criterion": "queue_wait",
            "label": "Время ожидания в очереди",
            "average": {"value": 3.2, "previous": 3.9, "change": -0.7},
            "rated": 60,
        }
    ],
    "comments": {"value": 80, "previous": 64, "change": 16},
}

REPORT_EXAMPLE: dict[str, Any] = {
    "schema_version": SCHEMA_VERSION,
    "title": "Аналитический отчет о результатах мониторинга удовлетворенности: "
    "Назначение ежемесячной выплаты, ноябрь 2026 г.",
    "subject": {
        "kind": "service",
        "kind_label": "Государственная услуга",
        "id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
        "title": "Назначение ежемесячной выплаты",
        "agency_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b",
        "agency_name": "Министерство социальной защиты населения Республики Примерной",
        "service_ids": ["0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b"],
    },
    "period": {
        "date_from": "2026-11-01",
        "date_to": "2026-11-30",
        "days": 30,
        "label": "ноябрь 2026 г.",
    },
    "previous_period": {
        "date_from": "2026-10-01",
        "date_to": "2026-10-31",
        "days": 31,
        "label": "октябрь 2026 г.",
    },
    "generated_at": "2026-12-01T03:00:05Z",
    "headline": _EXAMPLE_FIGURES,
    "by_stage": [
        {
            "key": "application",
            "label": "Подача заявления",
            "detail": None,
            "figures": _EXAMPLE_FIGURES,
        }
    ],
    "by_channel": [{"key": "mfc", "label": "МФЦ", "detail": None, "figures": _EXAMPLE_FIGURES}],
    "by_touchpoint": [
        {
            "key": "0193a1b2-1111-7e5f-8a9b-0c1d2e3f4a5b",
            "label": "МФЦ «Мои документы» на ул. Ленина",
            "detail": "многофункциональный центр",
            "figures": _EXAMPLE_FIGURES,
        }
    ],
    "sentiment": {
        "status": "ok",
        "classified_comments": 80,
        "shares": [
            {
                "sentiment": "negative",
                "label": "Негативные",
                "count": 32,
                "percent": 40.0,
                "previous_percent": 30.0,
                "change": 10.0,
            },
            {
                "sentiment": "neutral",
                "label": "Нейтральные",
                "count": 8,
                "percent": 10.0,
                "previous_percent": 15.0,
                "change": -5.0,
            },
            {
                "sentiment": "positive",
                "label": "Позитивные",
                "count": 40,
                "percent": 50.0,
                "previous_percent": 55.0,
                "change": -5.0,
            },
        ],
    },
    "categories": [
        {
            "category": "waiting_time",
            "label": "Время ожидания, очереди",
            "comments": 21,
            "negative": 19,
            "percent": 26.3,
            "average_rating": 2.1,
            "previous_comments": 9,
            "change": 12,
        }
    ],
    "pain_map": {
        "status": "ok",
        "method": "Оценка ячейки = (1 − CSAT) × √N, где CSAT — доля оценок 4–5, N — число "
        "ответов в ячейке (этап × точка взаимодействия, если она указана, иначе канал); "
        "ячейки менее чем с 3 ответами не учитываются.",
        "min_responses": 3,
        "cells": [
            {
                "rank": 1,
                "stage": "application",
                "stage_label": "Подача заявления",
                "place_kind": "channel",
                "place": "mfc",
                "place_label": "МФЦ",
                "responses": 40,
                "dissatisfied": 22,
                "csat": 45.0,
                "average_rating": 3.1,
                "score": 3.48,
                "categories": [
                    {"category": "waiting_time", "label": "Время ожидания, очереди", "comments": 14}
                ],
                "quotes": [
                    {
                        "feedback_id": "0193a1b2-2222-7e5f-8a9b-0c1d2e3f4a5b",
                        "text": "Очередь два часа, работало одно окно.",
                        "rating": 1,
                        "sentiment": "negative",
                        "categories": ["waiting_time"],
                        "received_at": "2026-11-14T08:12:00Z",
                    }
                ],
            }
        ],
    },
    "plan_progress": {
        "status": "ok",
        "as_of": "2026-11-30",
        "note": None,
        "plans": [
            {
                "plan_id": "0193a1b2-3333-7e5f-8a9b-0c1d2e3f4a5b",
                "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                "service_title": "Назначение ежемесячной выплаты",
                "title": "План мероприятий по оптимизации предоставления услуги",
                "status": "approved",
                "items": 7,
                "done": 3,
                "in_progress": 2,
                "overdue": 1,
                "not_started": 1,
                "percent_done": 42.9,
            }
        ],
        "items": 7,
        "done": 3,
        "in_progress": 2,
        "overdue": 1,
        "not_started": 1,
        "percent_done": 42.9,
        "overdue_items": [
            {
                "plan_id": "0193a1b2-3333-7e5f-8a9b-0c1d2e3f4a5b",
                "number": "2.3.2",
                "text": "Сокращение срока предоставления услуги",
                "end_date": "2026-10-31",
                "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                "service_title": "Назначение ежемесячной выплаты",
                "missed_deadline": "2026-10-31",
                "executor": "Отдел организации предоставления услуг",
            }
        ],
    },
    "measures_effect": {
        "status": "ok",
        "note": None,
        "method": "Для каждого пункта плана, выполненного за последние 183 дня до конца периода…",
        "min_responses": 30,
        "confidence": 95.0,
        "items": [
            {
                "plan_id": "0193a1b2-3333-7e5f-8a9b-0c1d2e3f4a5b",
                "item_id": "0193a1b2-5555-7e5f-8a9b-0c1d2e3f4a5b",
                "number": "2.3.2",
                "text": "Обеспечение возможности обращения для предоставления государственной "
                "услуги (сервиса) на официальном сайте органа власти без необходимости очного "
                "взаимодействия",
                "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                "service_title": "Назначение ежемесячной выплаты",
                "done_on": "2026-10-19",
                "stages": ["application"],
                "stage_labels": ["Подача заявления"],
                "criteria": [],
                "before": {
                    "date_from": "2026-07-21",
                    "date_to": "2026-10-18",
                    "responses": 40,
                    "satisfied": 20,
                    "csat": 50.0,
                    "csat_low": 35.2,
                    "csat_high": 64.8,
                    "criteria": [],
                },
                "after": {
                    "date_from": "2026-10-20",
                    "date_to": "2026-11-30",
                    "responses": 40,
                    "satisfied": 32,
                    "csat": 80.0,
                    "csat_low": 65.2,
                    "csat_high": 89.5,
                    "criteria": [],
                },
                "change": 30.0,
                "significant": True,
                "verdict": "CSAT вырос на 30 п.п. (с 50 % до 80 %; 40 ответов до, 40 ответов "
                "после) — изменение значимо.",
            }
        ],
    },
    "surveys": {
        "status": "ok",
        "note": None,
        "surveys": [
            {
                "run_id": "0193a1b2-4444-7e5f-8a9b-0c1d2e3f4a5b",
                "title": "Мониторинг удовлетворенности",
                "service_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                "link": "https://feedback.example.ru/api/v1/public/surveys/Zq3x",
                "start_date": "2026-11-01",
                "end_date": "2026-11-30",
                "respondents": 380,
                "respondents_total": 412,
                "instrument": "Анкета «Удовлетворенность государственной услугой», вопросов: 8",
            }
        ],
    },
    "conclusions": [
        "За ноябрь 2026 г. получено 120 оценок (на 20 больше, чем в предыдущем периоде).",
        "CSAT по этапу «Подача заявления» снизился на 12 п.п. (с 81 % до 69 %).",
    ],
    "daily": [
        {"day": "2026-11-01", "responses": 4, "csat": 75.0, "average_rating": 4.0},
        {"day": "2026-11-02", "responses": 0, "csat": None, "average_rating": None},
    ],
    "warnings": [],
}


class AnalyticalReport(BaseModel):
    """The monthly analytical report: figures, breakdowns, pain map, plans, surveys, conclusions."""

    model_config = ConfigDict(json_schema_extra={"examples": [REPORT_EXAMPLE]})

    schema_version: int = Field(default=SCHEMA_VERSION, description="Bumped on a breaking change")
    title: str = Field(description="The report's heading, in Russian")
    subject: ReportSubject
    period: ReportPeriod
    previous_period: ReportPeriod
    generated_at: datetime
    headline: Figures
    by_stage: list[BreakdownRow] = Field(description="In the order of the client path")
    by_channel: list[BreakdownRow] = Field(description="Most responses first")
    by_touchpoint: list[BreakdownRow] = Field(
        description="Named touchpoints only, most responses first"
    )
    sentiment: SentimentSection
    categories: list[CategoryCount] = Field(description="Most comments first; all categories seen")
    pain_map: PainMap
    plan_progress: PlanProgressSection
    measures_effect: MeasureEffectSection = Field(
        default_factory=lambda: MeasureEffectSection(status=SectionStatus.NO_DATA),
        description="Satisfaction before and after each plan item done in the last months, at "
        "the stages it acts on",
    )
    surveys: SurveySection
    conclusions: list[str] = Field(description="Plain Russian sentences derived from the numbers")
    daily: list[DailyPoint] = Field(description="Every day of the period, for charts")
    statistics: StatisticsMethod | None = Field(
        default=None, description="The level, minimum volume and shrinkage the report used"
    )
    findings: list[Finding] = Field(
        default_factory=list,
        description="Significant changes on enough responses, heaviest first, rises and falls",
    )
    trend: list[TrendPoint] = Field(
        default_factory=list, description="The 12 months up to the period's last, oldest first"
    )
    by_service: list[RankedRow] = Field(
        default_factory=list,
        description="Agency and life-situation reports: services ranked worst first",
    )
    by_agency: list[RankedRow] = Field(
        default_factory=list,
        description="A comparison of agencies (subject kind `agencies`): the agency and its "
        "subordinate agencies ranked worst first",
    )
    warnings: list[str] = Field(
        description="What is missing and why (a dependency down, no data), in Russian"
    )
    # appended: reports stored before it have none
    answer_satisfaction: AnswerSatisfaction | None = Field(
        default=None, description="«Доля удовлетворённых ответами», with the previous period"
    )
