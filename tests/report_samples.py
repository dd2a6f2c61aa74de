"""A hand-built analytical report with every section filled, for the renderers' tests: the
numbers are internally consistent, one quote tries to inject markup."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from otklik_shared.vocab import (
    CHANNEL_LABELS,
    CRITERION_LABELS,
    PAIN_CATEGORY_LABELS,
    STAGE_LABELS,
    Channel,
    Criterion,
    PainCategory,
    Stage,
)
from reporting_worker.reports.schemas import AnalyticalReport

HOSTILE_QUOTE = '<script>alert("x")</script> Очередь & <b>два часа</b>, окно одно'
SERVICE_ID = uuid.UUID("0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b")
AGENCY_ID = uuid.UUID("0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b")
PERIOD_START = date(2026, 11, 1)
DAYS = 30


def _figures(counts: list[int], previous: list[int], criteria: dict[Criterion, float]) -> Any:
    def average(values: list[int]) -> float | None:
        total = sum(values)
        weighted = sum(grade * n for grade, n in enumerate(values, start=1))
        return round(weighted / total, 2) if total else None

    def csat(values: list[int]) -> float | None:
        total = sum(values)
        return round(100 * (values[3] + values[4]) / total, 1) if total else None

    def change(now: float | None, before: float | None, digits: int) -> float | None:
        return None if now is None or before is None else round(now - before, digits)

    total, previous_total = sum(counts), sum(previous)
    return {
        "respondents": {
            "value": total,
            "previous": previous_total,
            "change": total - previous_total,
        },
        "average_rating": {
            "value": average(counts),
            "previous": average(previous),
            "change": change(average(counts), average(previous), 2),
        },
        "csat": {
            "value": csat(counts),
            "previous": csat(previous),
            "change": change(csat(counts), csat(previous), 1),
        },
        "distribution": [
            {
                "rating": grade,
                "count": counts[grade - 1],
                "percent": round(100 * counts[grade - 1] / total, 1) if total else None,
                "previous_count": previous[grade - 1],
                "previous_percent": (
                    round(100 * previous[grade - 1] / previous_total, 1) if previous_total else None
                ),
            }
            for grade in range(1, 6)
        ],
        "criteria": [
            {
                "criterion": criterion.value,
                "label": CRITERION_LABELS[criterion],
                "average": {
                    "value": criteria[criterion],
                    "previous": round(criteria[criterion] + 0.2, 2),
                    "change": -0.2,
                },
                "rated": total // 2,
            }
            for criterion in Criterion
        ],
        "comments": {"value": total // 3, "previous": previous_total // 3, "change": 0},
    }


CRITERIA = {
    Criterion.PROVISION_TIME: 3.4,
    Criterion.QUEUE_WAIT: 2.9,
    Criterion.STAFF_COURTESY: 4.3,
    Criterion.PREMISES_COMFORT: 4.0,
    Criterion.INFO_AVAILABILITY: 3.7,
}
STAGES = {
    Stage.INFORMATION: [4, 6, 10, 30, 50],
    Stage.APPLICATION: [30, 20, 25, 40, 45],
    Stage.PROCESSING: [12, 10, 14, 20, 24],
    Stage.RESULT: [4, 4, 11, 45, 76],
}
CHANNELS = {
    Channel.MFC: [30, 22, 30, 60, 70],
    Channel.EPGU: [14, 12, 20, 55, 95],
    Channel.CONTACT_CENTER: [6, 6, 10, 20, 30],
}
TOUCHPOINTS = [
    ("МФЦ «Мои документы» на ул. Ленина", "многофункциональный центр", [22, 15, 20, 35, 38]),
    ("Окно приема министерства, каб. 104", "офис органа власти", [8, 7, 10, 25, 32]),
]
PAIN_CELLS = [
    (Stage.APPLICATION, Channel.MFC, 60, 38.3, 2.75, [PainCategory.WAITING_TIME]),
    (Stage.PROCESSING, Channel.CONTACT_CENTER, 32, 43.8, 2.9, [PainCategory.CONTACT_CENTER]),
    (Stage.APPLICATION, Channel.EPGU, 44, 56.8, 3.3, [PainCategory.DIGITAL_SERVICE]),
    (Stage.PROCESSING, Channel.MFC, 30, 63.3, 3.6, [PainCategory.DEADLINES]),
    (Stage.INFORMATION, Channel.EPGU, 41, 78.0, 4.0, [PainCategory.INFORMATION]),
    (Stage.RESULT, Channel.MFC, 52, 88.5, 4.4, [PainCategory.NOTIFICATION]),
]


def _total(rows: list[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*rows, strict=True)]


def _previous(counts: list[int]) -> list[int]:
    return [counts[0] - counts[0] // 3, counts[1], counts[2], counts[3] + 2, counts[4] + 4]


def _breakdown(key: str, label: str, counts: list[int], detail: str | None = None) -> Any:
    return {
        "key": key,
        "label": label,
        "detail": detail,
        "figures": _figures(counts, _previous(counts), CRITERIA),
    }


def _pain_cells() -> list[dict[str, Any]]:
    cells = []
    for rank, (stage, channel, responses, csat, average, categories) in enumerate(PAIN_CELLS, 1):
        quotes = [
            {
                "feedback_id": str(uuid.UUID(int=rank * 10 + n)),
                "text": text,
                "rating": 1 + n,
                "sentiment": "negative",
                "categories": [c.value for c in categories],
                "received_at": f"2026-11-{10 + n:02d}T08:12:00Z",
            }
            for n, text in enumerate(
                [HOSTILE_QUOTE if rank == 1 else f"Жалоба номер {rank}: долго и непонятно"]
                + (["Сотрудник не смог объяснить, каких документов не хватает"] if rank < 3 else [])
            )
        ]
        cells.append(
            {
                "rank": rank,
                "stage": stage.value,
                "stage_label": STAGE_LABELS[stage],
                "place_kind": "channel",
                "place": channel.value,
                "place_label": CHANNEL_LABELS[channel],
                "responses": responses,
                "dissatisfied": round(responses * (100 - csat) / 100),
                "csat": csat,
                "average_rating": average,
                "score": round((1 - csat / 100) * responses**0.5, 2),
                "categories": [
                    {"category": c.value, "label": PAIN_CATEGORY_LABELS[c], "comments": 9}
                    for c in categories
                ],
                "quotes": quotes,
            }
        )
    return cells


CATEGORY_COUNTS = {
    PainCategory.WAITING_TIME: (34, 30, 2.2),
    PainCategory.DEADLINES: (21, 18, 2.6),
    PainCategory.DIGITAL_SERVICE: (17, 15, 2.8),
    PainCategory.CONTACT_CENTER: (12, 11, 2.4),
    PainCategory.PRAISE: (25, 0, 4.9),
}


# (responses, satisfied) of the twelve months up to November 2026; May's rise is significant
TREND = [
    (300, 190),
    (310, 200),
    (290, 185),
    (320, 205),
    (305, 200),
    (330, 260),
    (340, 265),
    (335, 262),
    (350, 270),
    (360, 275),
    (355, 250),
    (480, 330),
]
MONTH_NAMES = ["декабрь", "январь", "февраль", "март", "апрель", "май", "июнь", "июль"]
MONTH_NAMES += ["август", "сентябрь", "октябрь", "ноябрь"]


def _trend() -> list[dict[str, Any]]:
    from reporting_worker.reports.stat_schemas import ChangeTest, PercentInterval
    from reporting_worker.reports.statistics import proportion_change, wilson

    points, before = [], (280, 180)
    for n, (responses, satisfied) in enumerate(TREND):
        year, month = (2025, 12) if n == 0 else (2026, n)
        test = proportion_change(satisfied, responses, before[1], before[0])
        points.append(
            {
                "month": f"{year}-{month:02d}-01",
                "label": f"{MONTH_NAMES[n]} {year} г.",
                "incomplete": False,
                "responses": responses,
                "csat": round(100 * satisfied / responses, 1),
                "csat_interval": PercentInterval.of(wilson(satisfied, responses)),
                "average_rating": round(3 + satisfied / responses, 2),
                "criteria": [
                    {"criterion": c.value, "average": CRITERIA[c], "rated": responses // 2}
                    for c in Criterion
                ],
                "change": ChangeTest.of(test),
            }
        )
        before = (responses, satisfied)
    return points


STATISTICS = {
    "level": 0.95,
    "min_responses": 30,
    "prior_weight": 20.0,
    "text": "Изменение считается выводом, только если в обоих периодах не менее 30 ответов и "
    "оно статистически значимо на уровне 95 %.",
}
FINDING = {
    "section": "stage",
    "key": "application",
    "label": "Подача заявления",
    "measure": "csat",
    "value": 53.6,
    "previous": 58.1,
    "change": -4.5,
    "responses": 160,
    "previous_responses": 155,
    "test": {
        "verdict": "significant",
        "label": "значимое изменение",
        "p_value": 0.03,
        "weight": -7,
    },
    "sentence": "CSAT по этапу «Подача заявления» снизился на 4,5 п.п. (с 58,1 % до 53,6 %; 160 "
    "и 155 ответов), это около 7 неудовлетворенных больше.",
}


def sample_report() -> AnalyticalReport:
    counts = _total(list(STAGES.values()))
    classified = sum(c for c, _, _ in CATEGORY_COUNTS.values())
    daily = []
    for offset in range(DAYS):
        responses = 0 if offset % 7 == 6 else 8 + (offset * 5) % 13
        csat = None if responses == 0 else round(55 + (offset * 7) % 30, 1)
        daily.append(
            {
                "day": (PERIOD_START + timedelta(days=offset)).isoformat(),
                "responses": responses,
                "csat": csat,
                "average_rating": None if csat is None else round(2.5 + csat / 50, 2),
            }
        )
    data = {
        "title": "Аналитический отчет о результатах мониторинга удовлетворенности: "
        "Назначение ежемесячной выплаты, ноябрь 2026 г.",
        "subject": {
            "kind": "service",
            "kind_label": "Государственная услуга",
            "id": str(SERVICE_ID),
            "title": "Назначение ежемесячной выплаты",
            "agency_id": str(AGENCY_ID),
            "agency_name": "Министерство социальной защиты населения Республики Примерной",
            "service_ids": [str(SERVICE_ID)],
        },
        "period": {
            "date_from": "2026-11-01",
            "date_to": "2026-11-30",
            "days": 30,
            "label": "ноябрь 2026 г.",
        },
        "previous_period": {
            "date_from": "2026-10-02",
            "date_to": "2026-10-31",
            "days": 30,
            "label": "02.10.2026 – 31.10.2026",
        },
        "generated_at": datetime(2026, 12, 1, 0, 0, 5, tzinfo=UTC).isoformat(),
        "headline": _figures(counts, _previous(counts), CRITERIA),
        "by_stage": [_breakdown(s.value, STAGE_LABELS[s], c) for s, c in STAGES.items()],
        "by_channel": [_breakdown(ch.value, CHANNEL_LABELS[ch], c) for ch, c in CHANNELS.items()],
        "by_touchpoint": [
            _breakdown(str(uuid.UUID(int=100 + n)), label, c, detail)
            for n, (label, detail, c) in enumerate(TOUCHPOINTS)
        ],
        "sentiment": {
            "status": "ok",
            "classified_comments": 100,
            "shares": [
                {
                    "sentiment": "negative",
                    "label": "Негативные",
                    "count": 52,
                    "percent": 52.0,
                    "previous_percent": 45.0,
                    "change": 7.0,
                },
                {
                    "sentiment": "neutral",
                    "label": "Нейтральные",
                    "count": 18,
                    "percent": 18.0,
                    "previous_percent": 20.0,
                    "change": -2.0,
                },
                {
                    "sentiment": "positive",
                    "label": "Позитивные",
                    "count": 30,
                    "percent": 30.0,
                    "previous_percent": 35.0,
                    "change": -5.0,
                },
            ],
        },
        "categories": [
            {
                "category": category.value,
                "label": PAIN_CATEGORY_LABELS[category],
                "comments": comments,
                "negative": negative,
                "percent": round(100 * comments / classified, 1),
                "average_rating": average,
                "previous_comments": comments - 4,
                "change": 4,
            }
            for category, (comments, negative, average) in CATEGORY_COUNTS.items()
        ],
        "pain_map": {
            "status": "ok",
            "method": "Оценка ячейки = (1 − CSAT) × √N; ячейки менее чем с 3 ответами не "
            "учитываются.",
            "min_responses": 3,
            "cells": _pain_cells(),
        },
        "plan_progress": {
            "status": "ok",
            "note": None,
            "plans": [
                {
                    "plan_id": str(uuid.UUID(int=7)),
                    "service_id": str(SERVICE_ID),
                    "service_title": "Назначение ежемесячной выплаты",
                    "title": "План мероприятий по оптимизации предоставления услуги",
                    "status": "approved",
                    "items": 12,
                    "done": 5,
                    "in_progress": 3,
                    "overdue": 2,
                    "not_started": 2,
                    "percent_done": 41.7,
                }
            ],
            "items": 12,
            "done": 5,
            "in_progress": 3,
            "overdue": 2,
            "not_started": 2,
            "percent_done": 41.7,
            "overdue_items": [
                {
                    "plan_id": str(uuid.UUID(int=7)),
                    "number": "2.3.2",
                    "text": "Сокращение срока предоставления услуги",
                    "end_date": "2026-10-31",
                },
                {
                    "plan_id": str(uuid.UUID(int=7)),
                    "number": "3.1",
                    "text": "Организация сбора обратной связи на всех этапах предоставления",
                    "end_date": "2026-11-15",
                },
            ],
        },
        "surveys": {
            "status": "ok",
            "note": None,
            "surveys": [
                {
                    "run_id": str(uuid.UUID(int=9)),
                    "title": "Мониторинг удовлетворенности",
                    "service_id": str(SERVICE_ID),
                    "link": "https://feedback.example.ru/api/v1/public/surveys/Zq3xK8pLmN2vR7tY",
                    "start_date": "2026-11-01",
                    "end_date": "2026-11-30",
                    "respondents": 380,
                    "respondents_total": 412,
                    "instrument": "Анкета «Удовлетворенность государственной услугой», вопросов: 8",
                    "respondents_in_results": 380,
                    "questions": [
                        {
                            "number": 1,
                            "kind": "rating",
                            "text": "Оцените получение услуги в целом",
                            "answered": 380,
                            "average": 4.1,
                            "answers": [
                                {"label": str(v), "count": c, "percent": round(c / 3.8, 1)}
                                for v, c in zip(range(1, 6), (20, 20, 40, 120, 180), strict=True)
                            ],
                        },
                        {
                            "number": 2,
                            "kind": "text",
                            "text": "Что можно улучшить?",
                            "answered": 95,
                            "latest_texts": ["Больше окон приема по субботам"],
                        },
                    ],
                }
            ],
        },
        "conclusions": [
            "За ноябрь 2026 г. получено 480 оценок.",
            "CSAT по этапу «Подача заявления» снизился на 4,8 п.п.",
            "Наиболее острая проблема — очереди в МФЦ на этапе подачи заявления.",
        ],
        "daily": daily,
        "statistics": STATISTICS,
        "findings": [FINDING],
        "trend": _trend(),
        "warnings": [],
    }
    return AnalyticalReport.model_validate(data)
