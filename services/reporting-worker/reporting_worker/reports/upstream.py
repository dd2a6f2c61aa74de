"""What the report reads from the other services over their HTTP contracts, through the thin
clients of `reporting_worker.upstream`: plan progress (plans-api), survey facts, results per
question and life situations (feedback-api, plans-api). A service that does not answer leaves its
section «нет данных» with a warning; the report is built all the same."""

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from reporting_worker.config import ReportingSettings
from reporting_worker.reports.figures import share
from reporting_worker.reports.periods import Period
from reporting_worker.reports.schemas import (
    OverdueItem,
    PlanProgressRow,
    PlanProgressSection,
    SectionStatus,
    SurveyFacts,
    SurveySection,
)
from reporting_worker.reports.survey_results import report_questions
from reporting_worker.upstream.client import FeedbackApi, PlansApi, UpstreamUnavailable
from reporting_worker.upstream.models import (
    Executor,
    PlansProgress,
    SurveyPeriodFacts,
    SurveyResults,
)

logger = logging.getLogger("otklik.reports")
NO_KEY = "не задан ключ доступа отчетного сервиса (REPORTING_SERVICE_API_KEY)"

__all__ = ["Audience", "Upstream", "UpstreamUnavailable", "upstream_from_settings"]


@dataclass(frozen=True)
class Upstream:
    """The clients of plans-api and feedback-api; None when no key is configured."""

    plans: PlansApi | None
    feedback: FeedbackApi | None

    async def aclose(self) -> None:
        for client in (self.plans, self.feedback):
            if client is not None:
                await client.aclose()


def upstream_from_settings(settings: ReportingSettings) -> Upstream:
    key = settings.service_api_key
    if not key:
        return Upstream(plans=None, feedback=None)
    return Upstream(
        plans=PlansApi.connect(settings.plans_api_url, key),
        feedback=FeedbackApi.connect(settings.feedback_api_url, key),
    )


@dataclass(frozen=True, slots=True)
class Audience:
    """Whose plans and surveys: an agency's, or some services' (optionally of one agency)."""

    agency_id: uuid.UUID | None
    service_ids: tuple[uuid.UUID, ...] | None


async def _plans_progress(
    client: PlansApi | None, audience: Audience, as_of: date
) -> PlansProgress:
    if client is None:
        raise UpstreamUnavailable(NO_KEY)
    return await client.plans_progress(
        agency_id=audience.agency_id, service_ids=audience.service_ids, as_of=as_of
    )


def _unavailable_plans(reason: str) -> PlanProgressSection:
    return PlanProgressSection(
        status=SectionStatus.UNAVAILABLE,
        note=f"Нет данных: {reason}.",
        plans=[],
        items=0,
        done=0,
        in_progress=0,
        overdue=0,
        not_started=0,
        percent_done=None,
        overdue_items=[],
    )


@dataclass(frozen=True, slots=True)
class DoneMeasure:
    """A plan item done by the period's end, with the stages and criteria it acts on."""

    plan_id: uuid.UUID
    service_id: uuid.UUID
    item_id: uuid.UUID
    number: str
    text: str
    done_on: date
    stages: tuple[str, ...]
    criteria: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlanFindings:
    progress: PlanProgressSection
    done: list[DoneMeasure]


def _executor(executor: Executor | None) -> str | None:
    if executor is None:
        return None
    return f"{executor.unit} ({executor.person})" if executor.person else executor.unit


async def plan_progress(
    upstream: Upstream,
    audience: Audience,
    service_titles: Mapping[uuid.UUID, str],
    period: Period,
) -> PlanFindings:
    """The plans as of the period's last day (plans-api answers today's for a later day)."""
    try:
        found = await _plans_progress(upstream.plans, audience, period.last)
    except UpstreamUnavailable as exc:
        logger.warning("plan progress unavailable: %s", exc)
        return PlanFindings(_unavailable_plans(str(exc)), [])

    def title(service_id: uuid.UUID) -> str:
        return service_titles.get(service_id, "Услуга (нет в справочнике)")

    rows = [
        PlanProgressRow(
            plan_id=plan.plan_id,
            service_id=plan.service_id,
            service_title=title(plan.service_id),
            title=plan.title,
            status=plan.status,
            items=plan.counts.items,
            done=plan.counts.done,
            in_progress=plan.counts.in_progress,
            overdue=plan.counts.overdue,
            not_started=plan.counts.not_started,
            percent_done=share(plan.counts.done, plan.counts.items),
        )
        for plan in found.plans
    ]
    overdue = [
        OverdueItem(
            plan_id=item.plan_id,
            number=item.number,
            text=item.text,
            end_date=max((e.end_date for e in item.executors), default=None),
            service_id=plan.service_id,
            service_title=title(plan.service_id),
            missed_deadline=item.missed_deadline,
            executor=_executor(item.late_executor),
        )
        for plan in found.plans
        for item in plan.overdue
    ]
    done = [
        DoneMeasure(
            plan_id=plan.plan_id,
            service_id=plan.service_id,
            item_id=item.item_id,
            number=item.number,
            text=item.text,
            done_on=item.done_on,
            stages=tuple(item.stages),
            criteria=tuple(item.criteria),
        )
        for plan in found.plans
        for item in plan.done_items
        if item.done_on is not None
    ]
    items, done_count = sum(r.items for r in rows), sum(r.done for r in rows)
    section = PlanProgressSection(
        status=SectionStatus.OK if rows else SectionStatus.NO_DATA,
        as_of=found.as_of,
        note=None if rows else "Нет данных: утвержденных планов мероприятий нет.",
        plans=rows,
        items=items,
        done=done_count,
        in_progress=sum(r.in_progress for r in rows),
        overdue=sum(r.overdue for r in rows),
        not_started=sum(r.not_started for r in rows),
        percent_done=share(done_count, items),
        overdue_items=overdue,
    )
    return PlanFindings(section, done)


async def _period_facts(
    client: FeedbackApi | None, audience: Audience, period: Period
) -> SurveyPeriodFacts:
    if client is None:
        raise UpstreamUnavailable(NO_KEY)
    return await client.survey_period_facts(
        date_from=period.first,
        date_to=period.last,
        agency_id=audience.agency_id,
        service_ids=audience.service_ids,
    )


async def _run_results(client: FeedbackApi, run_id: uuid.UUID, period: Period) -> SurveyResults:
    return await client.survey_results(run_id, date_from=period.first, date_to=period.last)


async def _with_results(
    client: FeedbackApi, survey: SurveyFacts, period: Period, warnings: list[str]
) -> SurveyFacts:
    try:
        results = await _run_results(client, survey.run_id, period)
    except UpstreamUnavailable as exc:
        logger.warning("survey results unavailable: %s", exc)
        warnings.append(f"Результаты опроса «{survey.title}» по вопросам не получены: {exc}.")
        return survey
    return survey.model_copy(
        update={
            "questions": report_questions(results),
            "respondents_in_results": results.respondents,
        }
    )


async def survey_facts(upstream: Upstream, audience: Audience, period: Period) -> SurveySection:
    try:
        found = await _period_facts(upstream.feedback, audience, period)
    except UpstreamUnavailable as exc:
        logger.warning("survey facts unavailable: %s", exc)
        return SurveySection(
            status=SectionStatus.UNAVAILABLE, note=f"Нет данных: {exc}.", surveys=[]
        )
    surveys = [
        SurveyFacts(
            run_id=run.run_id,
            title=run.title,
            service_id=run.service_id,
            link=run.facts.link,
            start_date=run.facts.start_date,
            end_date=run.facts.end_date,
            respondents=run.respondents_in_period,
            respondents_total=run.facts.respondents,
            instrument=run.facts.instrument,
        )
        for run in found.runs
    ]
    if not surveys:
        return SurveySection(
            status=SectionStatus.NO_DATA,
            note="Нет данных: опросы в периоде не проводились.",
            surveys=[],
        )
    assert upstream.feedback is not None  # the facts came from it
    notes: list[str] = []
    surveys = [await _with_results(upstream.feedback, s, period, notes) for s in surveys]
    return SurveySection(status=SectionStatus.OK, note=" ".join(notes) or None, surveys=surveys)


async def life_situation_title(upstream: Upstream, situation_id: uuid.UUID) -> str:
    if upstream.plans is None:
        raise UpstreamUnavailable(NO_KEY)
    return (await upstream.plans.life_situation(situation_id)).title
