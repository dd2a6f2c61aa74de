"""Building the analytical report of a subject and period from the aggregates, plus plans and
surveys from their owners; `on_progress` hears how far it got (percent)."""

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.measures import MOSCOW
from reporting_worker.aggregates.models import NONE_ID
from reporting_worker.answers.section import answer_satisfaction
from reporting_worker.reports import conclusions, repository, sections, upstream
from reporting_worker.reports.effects import effect_findings, measures_effect
from reporting_worker.reports.figures import figures, summed
from reporting_worker.reports.findings import findings
from reporting_worker.reports.painmap import pain_map
from reporting_worker.reports.periods import Period
from reporting_worker.reports.ranking import ranked
from reporting_worker.reports.schemas import (
    SUBJECT_KIND_LABELS,
    AnalyticalReport,
    ReportSubject,
    SectionStatus,
    SubjectKind,
)
from reporting_worker.reports.service_cells import ServiceCells, service_cells
from reporting_worker.reports.stat_method import method
from reporting_worker.reports.statistics import DEFAULT_RULES, Rules
from reporting_worker.reports.subjects import Subject
from reporting_worker.reports.trend import trend
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
    rules: Rules = DEFAULT_RULES,
) -> AnalyticalReport:
    warnings: list[str] = []
    previous = period.previous()
    scope = subject.scope
    title = await subject_title(subject, services, warnings)
    today = now.astimezone(MOSCOW).date()

    by_service: ServiceCells | None = None
    if subject.kind == SubjectKind.SERVICE:
        cells = await repository.cell_tallies(session, scope, period)
        cells_before = await repository.cell_tallies(session, scope, previous)
    else:
        by_service = await service_cells(session, scope, period, previous, subject.services)
        cells, cells_before = by_service.cells, by_service.cells_before
    months = await trend(session, scope, period, today=today, rules=rules)
    by_agency = []
    if subject.kind == SubjectKind.AGENCIES:
        by_agency = ranked(
            await repository.agency_tallies(session, scope, period),
            await repository.agency_tallies(session, scope, previous),
            subject.agencies,
            rules,
        )
    daily = await repository.daily_tallies(session, scope, period)
    await on_progress(25)
    categories = await repository.category_tallies(session, scope, period)
    categories_before = await repository.category_tallies(session, scope, previous)
    touchpoint_ids = {cell[2] for cell in (*cells, *cells_before) if cell[2] != NONE_ID}
    touchpoints = await repository.touchpoints(session, sorted(touchpoint_ids))
    current_total, previous_total = summed(cells.values()), summed(cells_before.values())
    painmap = await pain_map(
        session,
        scope,
        period,
        cells,
        categories,
        touchpoints,
        cells_before=cells_before,
        rules=rules,
        services=by_service.places() if by_service else None,
    )
    await on_progress(50)
    plan_findings = await upstream.plan_progress(
        services, subject.audience, subject.services, period
    )
    plans = plan_findings.progress
    effect = await measures_effect(session, period, plan_findings.done, subject.services)
    await on_progress(70)
    surveys = await upstream.survey_facts(services, subject.audience, period)
    kpi = await answer_satisfaction(session, scope, period)
    await on_progress(85)
    warnings += [
        s.note for s in (plans, surveys) if s.status == SectionStatus.UNAVAILABLE and s.note
    ]
    if current_total["responses"] == 0:
        warnings.append(f"Нет данных: за {period.label} оценок не поступило.")
    classified, classified_before = (
        sum(tally[f"sentiment_{s}"] for s in sections.SENTIMENT_LABELS)
        for tally in (current_total, previous_total)
    )

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
        period=period.schema(today),
        previous_period=previous.schema(),
        generated_at=now,
        headline=figures(current_total, previous_total, rules),
        by_stage=sections.by_stage(cells, cells_before, rules),
        by_channel=sections.by_channel(cells, cells_before, rules),
        by_touchpoint=sections.by_touchpoint(cells, cells_before, touchpoints, rules),
        sentiment=sections.sentiment(current_total, previous_total),
        categories=sections.categories(
            categories, categories_before, classified, classified_before, rules
        ),
        pain_map=painmap,
        plan_progress=plans,
        measures_effect=effect,
        surveys=surveys,
        conclusions=[],
        daily=sections.daily(period, daily),
        statistics=method(rules),
        trend=months,
        by_service=by_service.ranked(rules) if by_service else [],
        by_agency=by_agency,
        warnings=warnings,
        answer_satisfaction=kpi,
    )
    report = report.model_copy(update={"findings": findings(report)})
    findings_of_measures = effect_findings(report.measures_effect)
    return report.model_copy(
        update={"conclusions": conclusions.conclusions(report) + findings_of_measures}
    )
