"""What the report reads from the other services over their HTTP contracts, through the clients
generated from their specs: plan progress (plans-api), survey facts, results per question and
life situations (feedback-api, plans-api). A service that does not answer leaves its section
«нет данных» with a warning; the report is built all the same."""

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import httpx
from pydantic import ValidationError

from reporting_worker.clients.feedback_api import AuthenticatedClient as FeedbackClient
from reporting_worker.clients.feedback_api.api.surveys import get_survey_period_facts
from reporting_worker.clients.feedback_api.models import SurveyPeriodFacts
from reporting_worker.clients.feedback_api.types import UNSET as FEEDBACK_UNSET
from reporting_worker.clients.plans_api import AuthenticatedClient as PlansClient
from reporting_worker.clients.plans_api.api.life_situations import get_life_situation
from reporting_worker.clients.plans_api.api.plans import get_plans_progress
from reporting_worker.clients.plans_api.models import LifeSituationRead, PlansProgress
from reporting_worker.clients.plans_api.types import UNSET as PLANS_UNSET
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
from reporting_worker.reports.survey_results import RunResults

logger = logging.getLogger("otklik.reports")
TIMEOUT_SECONDS = 10.0
NO_KEY = "не задан ключ доступа отчетного сервиса (REPORTING_SERVICE_API_KEY)"


class UpstreamUnavailable(Exception):
    """A service did not answer as its contract says; the message is Russian, for the report."""


@dataclass(frozen=True)
class Upstream:
    """The generated clients of plans-api and feedback-api; None when no key is configured."""

    plans: PlansClient | None
    feedback: FeedbackClient | None

    async def aclose(self) -> None:
        for client in (self.plans, self.feedback):
            if client is not None:
                await client.get_async_httpx_client().aclose()


def upstream_from_settings(settings: ReportingSettings) -> Upstream:
    key = settings.service_api_key
    if not key:
        return Upstream(plans=None, feedback=None)
    timeout = httpx.Timeout(TIMEOUT_SECONDS)
    return Upstream(
        plans=PlansClient(base_url=settings.plans_api_url, token=key, timeout=timeout),
        feedback=FeedbackClient(base_url=settings.feedback_api_url, token=key, timeout=timeout),
    )


@dataclass(frozen=True, slots=True)
class Audience:
    """Whose plans and surveys: an agency's, or some services' (optionally of one agency)."""

    agency_id: uuid.UUID | None
    service_ids: tuple[uuid.UUID, ...] | None


async def _plans_progress(client: PlansClient | None, audience: Audience) -> PlansProgress:
    if client is None:
        raise UpstreamUnavailable(NO_KEY)
    try:
        response = await get_plans_progress.asyncio_detailed(
            client=client,
            agency_id=audience.agency_id or PLANS_UNSET,
            service_id=list(audience.service_ids) if audience.service_ids else PLANS_UNSET,
        )
    except httpx.HTTPError as exc:
        raise UpstreamUnavailable(f"plans-api недоступен ({type(exc).__name__})") from exc
    if not isinstance(response.parsed, PlansProgress):
        raise UpstreamUnavailable(f"plans-api ответил {int(response.status_code)}")
    return response.parsed


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


async def plan_progress(
    upstream: Upstream, audience: Audience, service_titles: Mapping[uuid.UUID, str]
) -> PlanProgressSection:
    try:
        found = await _plans_progress(upstream.plans, audience)
    except UpstreamUnavailable as exc:
        logger.warning("plan progress unavailable: %s", exc)
        return _unavailable_plans(str(exc))
    rows = [
        PlanProgressRow(
            plan_id=plan.plan_id,
            service_id=plan.service_id,
            service_title=service_titles.get(plan.service_id, "Услуга (нет в справочнике)"),
            title=plan.title,
            status=plan.status.value,
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
        )
        for plan in found.plans
        for item in plan.overdue
    ]
    items, done = sum(r.items for r in rows), sum(r.done for r in rows)
    return PlanProgressSection(
        status=SectionStatus.OK if rows else SectionStatus.NO_DATA,
        note=None if rows else "Нет данных: утвержденных планов мероприятий нет.",
        plans=rows,
        items=items,
        done=done,
        in_progress=sum(r.in_progress for r in rows),
        overdue=sum(r.overdue for r in rows),
        not_started=sum(r.not_started for r in rows),
        percent_done=share(done, items),
        overdue_items=overdue,
    )


async def _period_facts(
    client: FeedbackClient | None, audience: Audience, period: Period
) -> SurveyPeriodFacts:
    if client is None:
        raise UpstreamUnavailable(NO_KEY)
    try:
        response = await get_survey_period_facts.asyncio_detailed(
            client=client,
            date_from=period.first,
            date_to=period.last,
            agency_id=audience.agency_id or FEEDBACK_UNSET,
            service_id=list(audience.service_ids) if audience.service_ids else FEEDBACK_UNSET,
        )
    except httpx.HTTPError as exc:
        raise UpstreamUnavailable(f"feedback-api недоступен ({type(exc).__name__})") from exc
    if not isinstance(response.parsed, SurveyPeriodFacts):
        raise UpstreamUnavailable(f"feedback-api ответил {int(response.status_code)}")
    return response.parsed


async def _run_results(client: FeedbackClient, run_id: uuid.UUID, period: Period) -> RunResults:
    # on the client's httpx client, parsed leniently into only the fields the report prints
    try:
        response = await client.get_async_httpx_client().get(
            f"/api/v1/surveys/runs/{run_id}/results",
            params={"date_from": str(period.first), "date_to": str(period.last)},
        )
    except httpx.HTTPError as exc:
        raise UpstreamUnavailable(f"feedback-api недоступен ({type(exc).__name__})") from exc
    if response.status_code != httpx.codes.OK:
        raise UpstreamUnavailable(f"feedback-api ответил {response.status_code}")
    try:
        return RunResults.model_validate_json(response.content)
    except ValidationError as exc:
        raise UpstreamUnavailable("feedback-api ответил не по контракту") from exc


async def _with_results(
    client: FeedbackClient, survey: SurveyFacts, period: Period, warnings: list[str]
) -> SurveyFacts:
    try:
        results = await _run_results(client, survey.run_id, period)
    except UpstreamUnavailable as exc:
        logger.warning("survey results unavailable: %s", exc)
        warnings.append(f"Результаты опроса «{survey.title}» по вопросам не получены: {exc}.")
        return survey
    return survey.model_copy(
        update={
            "questions": results.report_questions(),
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
    try:
        response = await get_life_situation.asyncio_detailed(situation_id, client=upstream.plans)
    except httpx.HTTPError as exc:
        raise UpstreamUnavailable(f"plans-api недоступен ({type(exc).__name__})") from exc
    if not isinstance(response.parsed, LifeSituationRead):
        raise UpstreamUnavailable(f"plans-api ответил {int(response.status_code)}")
    return response.parsed.title
