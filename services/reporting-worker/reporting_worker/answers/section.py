"""The answer-satisfaction KPI of a report: its figures, and how every format shows them."""

from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.answers import repository
from reporting_worker.answers.schemas import LABEL, AnswerSatisfaction
from reporting_worker.reports.periods import Period
from reporting_worker.reports.render.tables import Column, Kind, Table
from reporting_worker.reports.render.view import Metric, Section
from reporting_worker.reports.repository import AggregateScope


def _share(satisfied: int, rated: int) -> float | None:
    return round(100 * satisfied / rated, 1) if rated else None


async def answer_satisfaction(
    session: AsyncSession, scope: AggregateScope, period: Period
) -> AnswerSatisfaction:
    rated, satisfied = await repository.rated_and_satisfied(session, scope, period)
    before_rated, before_satisfied = await repository.rated_and_satisfied(
        session, scope, period.previous()
    )
    share, previous = _share(satisfied, rated), _share(before_satisfied, before_rated)
    return AnswerSatisfaction(
        rated=rated,
        satisfied=satisfied,
        share=share,
        previous_rated=before_rated,
        previous_satisfied=before_satisfied,
        previous_share=previous,
        change=round(share - previous, 1) if share is not None and previous is not None else None,
    )


def metric(kpi: AnswerSatisfaction) -> Metric:
    return Metric(LABEL, Kind.PERCENT, kpi.share, kpi.previous_share, kpi.change)


def section(kpi: AnswerSatisfaction) -> Section:
    table = Table(
        "Ответы",
        "Оценка ответов ведомства гражданами",
        [
            Column("Показатель", Kind.TEXT, 36),
            Column("Текущий период", Kind.COUNT, 16),
            Column("Предыдущий период", Kind.COUNT, 18),
        ],
        [
            ["Оценено ответов", kpi.rated, kpi.previous_rated],
            ["Из них удовлетворены", kpi.satisfied, kpi.previous_satisfied],
        ],
    )
    share = Table(
        "Доля удовлетворённых",
        LABEL,
        [
            Column("Показатель", Kind.TEXT, 36),
            Column("Текущий период", Kind.PERCENT, 16),
            Column("Предыдущий период", Kind.PERCENT, 18),
            Column("Изменение", Kind.PERCENT_CHANGE, 14),
        ],
        [[LABEL, kpi.share, kpi.previous_share, kpi.change]],
    )
    paragraphs = (
        []
        if kpi.rated
        else ["За период граждане не оценивали ответы ведомства: доля не рассчитывается."]
    )
    return Section(
        "answers", "Удовлетворённость ответами", tables=[share, table], paragraphs=paragraphs
    )
