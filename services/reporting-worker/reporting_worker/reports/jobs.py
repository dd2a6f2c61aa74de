"""The report jobs of the arq worker: building one report (progress in the row as it goes;
re-run after a crash to the same result), and the monthly cron that queues every agency's and
service's report of the month just ended."""

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from arq import Retry
from arq.cron import CronJob, cron
from arq.worker import Function, func
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from otklik_shared.measures import MOSCOW
from reporting_worker.directory.models import KnownAgency, KnownService
from reporting_worker.reports.builder import build_report
from reporting_worker.reports.job_schemas import JobStatus
from reporting_worker.reports.models import ReportJob
from reporting_worker.reports.periods import Period, previous_month
from reporting_worker.reports.schemas import SubjectKind
from reporting_worker.reports.service import (
    BUILD_JOB,
    data_version,
    report_id,
    request_report,
)
from reporting_worker.reports.stat_method import rules_from
from reporting_worker.reports.subjects import Subject, resolve_subject
from reporting_worker.reports.upstream import Upstream, upstream_from_settings

logger = logging.getLogger("otklik.reports")
MAX_TRIES = 4
# a build waits this long for the request's transaction that queued it to commit
NOT_YET_COMMITTED_DEFER = 1


async def open_upstream(ctx: dict[str, Any]) -> None:
    # tests put their own clients (on the test apps' ASGI transports) in ctx first
    ctx.setdefault("upstream", upstream_from_settings(ctx["settings"]))


async def close_upstream(ctx: dict[str, Any]) -> None:
    upstream: Upstream | None = ctx.get("upstream")
    if upstream is not None:
        await upstream.aclose()


async def _set(
    sessionmaker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, build: int, **values: Any
) -> None:
    async with sessionmaker() as session, session.begin():
        await session.execute(
            update(ReportJob)
            .where(ReportJob.id == job_id, ReportJob.build == build)
            .values(**values)
        )


async def _claim(
    sessionmaker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, build: int
) -> ReportJob | None:
    """Marks the build running; None when a newer build took its place or it is done."""
    async with sessionmaker() as session, session.begin():
        job = await session.get(ReportJob, job_id, with_for_update=True)
        if job is None or job.build < build:
            raise Retry(defer=NOT_YET_COMMITTED_DEFER)
        if job.build > build or job.status == JobStatus.DONE:
            return None
        job.status = JobStatus.RUNNING
        job.progress = 5
        job.started_at = datetime.now(UTC)
        return job


async def build_report_job(ctx: dict[str, Any], report: str, build: int) -> str:
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    job_id = uuid.UUID(report)
    job = await _claim(sessionmaker, job_id, build)
    if job is None:
        return "superseded"

    async def progress(percent: int) -> None:
        await _set(sessionmaker, job_id, build, progress=percent)

    try:
        async with sessionmaker() as session:
            kind = SubjectKind(job.subject_kind)
            bound = job.agency_id if kind == SubjectKind.LIFE_SITUATION else None
            subject = await resolve_subject(session, kind, job.subject_id, bound_to=bound)
            if subject is None:
                await _set(
                    sessionmaker,
                    job_id,
                    build,
                    status=JobStatus.FAILED,
                    progress=100,
                    error="Предмет отчета больше не найден в справочнике",
                    finished_at=datetime.now(UTC),
                )
                return "failed"
            period = Period(job.date_from, job.date_to)
            version = await data_version(session, subject, period)
            result = await build_report(
                session,
                subject,
                period,
                ctx["upstream"],
                now=datetime.now(UTC),
                on_progress=progress,
                rules=rules_from(ctx["settings"]),
            )
    except Exception as exc:
        tries = int(ctx.get("job_try", 1))
        logger.exception("report build failed", extra={"report_id": report, "job_try": tries})
        if tries >= MAX_TRIES:
            await _set(
                sessionmaker,
                job_id,
                build,
                status=JobStatus.FAILED,
                error=f"{type(exc).__name__}: {exc}"[:2000],
                finished_at=datetime.now(UTC),
            )
            return "failed"
        raise Retry(defer=2**tries) from exc
    await _set(
        sessionmaker,
        job_id,
        build,
        status=JobStatus.DONE,
        progress=100,
        data_version=version,
        report=result.model_dump(mode="json"),
        finished_at=datetime.now(UTC),
        error=None,
    )
    return "done"


async def _cron_subjects(session: AsyncSession) -> list[Subject]:
    agencies = {a.id: a.name for a in await session.scalars(select(KnownAgency))}
    services = (
        await session.scalars(select(KnownService).where(KnownService.retired.is_(False)))
    ).all()
    by_agency: dict[uuid.UUID, dict[uuid.UUID, str]] = {agency: {} for agency in agencies}
    for service in services:
        by_agency.setdefault(service.agency_id, {})[service.id] = service.title
    return [
        Subject(SubjectKind.AGENCY, agency, name, agency, name, by_agency[agency])
        for agency, name in sorted(agencies.items(), key=lambda item: str(item[0]))
    ] + [
        Subject(
            SubjectKind.SERVICE,
            s.id,
            s.title,
            s.agency_id,
            agencies.get(s.agency_id),
            {s.id: s.title},
        )
        for s in sorted(services, key=lambda s: str(s.id))
    ]


async def monthly_reports(ctx: dict[str, Any], now: datetime | None = None) -> int:
    """On the 1st (Moscow) queues the reports of the month just ended for every agency and
    every service not yet queued; the other days it does nothing. Runs hourly so a worker down
    at midnight still does it that day; reports already queued or built are left as they are."""
    now = now or datetime.now(UTC)
    if now.astimezone(MOSCOW).day != 1:
        return 0
    period = previous_month(now)
    sessionmaker: async_sessionmaker[AsyncSession] = ctx["sessionmaker"]
    async with sessionmaker() as session:
        subjects = await _cron_subjects(session)
        existing = set(
            await session.scalars(
                select(ReportJob.id).where(
                    ReportJob.date_from == period.first,
                    ReportJob.date_to == period.last,
                    ReportJob.status != JobStatus.FAILED,
                )
            )
        )
    queued = 0
    for subject in subjects:
        if report_id(subject, period) in existing:
            continue
        # one short transaction each: its build starts as soon as it is committed
        async with sessionmaker() as session, session.begin():
            await request_report(
                session,
                ctx["redis"],
                subject,
                period,
                force=False,
                origin="cron",
                requested_by="cron",
                now=now,
            )
        queued += 1
    logger.info("monthly reports queued", extra={"queued": queued, "period": str(period.first)})
    return queued


FUNCTIONS: tuple[Function, ...] = (
    func(build_report_job, name=BUILD_JOB, max_tries=MAX_TRIES, timeout=600, keep_result=3600),
)
CRON_JOBS: tuple[CronJob, ...] = (
    cron(monthly_reports, name="reports.monthly", minute=7, second=0, unique=True, timeout=1800),
)
