"""Building the analytical report of a subject and period from the aggregates, plus plans and
surveys from their owners; `on_progress` hears how far it got (percent)."""

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from reporting_worker.aggregates.models import NONE_ID
from reporting_worker.answers.section import answer_satisfaction
from reporting_worker.reports import conclusions, repository, sections, upstream
from reporting_worker.reports.effects import effect_findings, measures_effect
from reporting_worker.reports.figures import figures, summed
from reporting_worker.reports.painmap import pain_map
from reporting_worker.reports.periods import Period
from reporting_worker.reports.schemas import (
    SUBJECT_KIND_LABELS,
    AnalyticalReport,
    ReportSubject,
    SectionStatus,
)
from reporting_worker.reports.subjects import Subject
from reporting_worker.reports.upstream import Upstream, UpstreamUnavailable

Progress = Callable[[int], Awaitable[None]]
REPORT_TITLE = "Аналитический отчет о результатах мониторинга удовлетворенности"


async def _no_progress(_: int) -> None:
    return None


async def subject_title(subject: Subject, services: Upstream, warnings: list[str]) -> str:
    if subject.title is not None:
        return subject.title
    try:
        return await upstream.life_situation_title(services, subject.id)
    except UpstreamUnavailable as exc:
        warnings.append(f"Название жизненной ситуации не получено: {exc}.")
        return f"Жизненная ситуация {subject.id}"


async def build_report(
    session: AsyncSession,
    subject: Subject,
    period: Period,
    services: Upstream,
    *,
    now: datetime,
    on_progress: Progress = _no_progress,
) -> AnalyticalReport:
    warnings: list[str] = []
    previous = period.previous()
    scope = subject.scope
    title = await subject_title(subject, services, warnings)

    cells = await repository.cell_tallies(session, scope, period)
    cells_before = await repository.cell_tallies(session, scope, previous)
    daily = await repository.daily_tallies(session, scope, period)
    await on_progress(25)
    categories = await repository.category_tallies(session, scope, period)
    categories_before = await repository.category_tallies(session, scope, previous)
    touchpoint_ids = {cell[2] for cell in (*cells, *cells_before) if cell[2] != NONE_ID}
    touchpoints = await repository.touchpoints(session, sorted(touchpoint_ids))
    current_total, previous_total = summed(cells.values()), summed(cells_before.values())
    painmap = await pain_map(session, scope, period, cells, categories, touchpoints)
    await on_progress(50)
    findings = await upstream.plan_progress(services, subject.audience, subject.services, period)
    plans = findings.progress
    effect = await measures_effect(session, period, findings.done, subject.services)
    await on_progress(70)
    surveys = await upstream.survey_facts(services, subject.audience, period)
    kpi = await answer_satisfaction(session, scope, period)
    await on_progress(85)
    warnings += [
        s.note for s in (plans, surveys) if s.status == SectionStatus.UNAVAILABLE and s.note
    ]
    if current_total["responses"] == 0:
        warnings.append(f"Нет данных: за {period.label} оценок не поступило.")

    report = AnalyticalReport(
        title=f"{REPORT_TITLE}: {title}, {period.label}",
        subject=ReportSubject(
            kind=subject.kind,
            kind_label=SUBJECT_KIND_LABELS[subject.kind],
            id=subject.id,
            title=title,
            agency_id=subject.agency_id,
            agency_name=subject.agency_name,
            service_ids=sorted(subject.services, key=str),
        ),
        period=period.schema(),
        previous_period=previous.schema(),
        generated_at=now,
        headline=figures(current_total, previous_total),
        by_stage=sections.by_stage(cells, cells_before),
        by_channel=sections.by_channel(cells, cells_before),
        by_touchpoint=sections.by_touchpoint(cells, cells_before, touchpoints),
        sentiment=sections.sentiment(current_total, previous_total),
        categories=sections.categories(
            categories,
            categories_before,
            sum(current_total[f"sentiment_{s}"] for s in sections.SENTIMENT_LABELS),
        ),
        pain_map=painmap,
        plan_progress=plans,
        measures_effect=effect,
        surveys=surveys,
        conclusions=[],
        daily=sections.daily(period, daily),
        warnings=warnings,
        answer_satisfaction=kpi,
    )
    findings_of_measures = effect_findings(report.measures_effect)
    return report.model_copy(
        update={"conclusions": conclusions.conclusions(report) + findings_of_measures}
    )
