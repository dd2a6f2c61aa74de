"""Requesting, reading and listing reports. One report row per subject × period × audience; the
same request again returns it while it is in flight, or finished on unchanged aggregates."""

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from arq.connections import ArqRedis
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound, UnprocessableEntity
from otklik_shared.events import queue_name
from otklik_shared.measures import MOSCOW
from reporting_worker.database import CONSUMER
from reporting_worker.reports import repository
from reporting_worker.reports.job_schemas import JobStatus, ReportRequest
from reporting_worker.reports.models import ReportJob
from reporting_worker.reports.periods import Period, month_period, previous_month
from reporting_worker.reports.schemas import SubjectKind
from reporting_worker.reports.subjects import Subject, resolve_subject

BUILD_JOB = "reports.build"
REPORT_NAMESPACE = uuid.UUID("9b7c1c52-5d8e-4f3a-8e21-7a0c2f6b4d10")
# a queued or running build not finished by then is taken for lost (Redis flushed, say)
STALE_AFTER = timedelta(minutes=30)


def requested_period(request: ReportRequest, now: datetime) -> Period:
    """The period asked for; one that starts after today (Moscow) has no data yet: 422 naming
    the field. A period still in progress is built with the data up to now."""
    today = now.astimezone(MOSCOW).date()
    if request.month is not None:
        year, month = map(int, request.month.split("-"))
        period = month_period(year, month)
        if period.first > today:
            raise UnprocessableEntity.for_field(
                "month", f"{request.month} has not begun yet (today is {today})", type_="future"
            )
        return period
    if request.date_from is not None and request.date_to is not None:
        if request.date_from > today:
            raise UnprocessableEntity.for_field(
                "date_from",
                f"{request.date_from} is in the future (today is {today})",
                type_="future",
            )
        return Period(request.date_from, request.date_to)
    return previous_month(now)


def report_id(subject: Subject, period: Period) -> uuid.UUID:
    audience = subject.agency_id if subject.kind == SubjectKind.LIFE_SITUATION else None
    name = f"{subject.kind.value}:{subject.id}:{period.first}:{period.last}:{audience or '*'}"
    return uuid.uuid5(REPORT_NAMESPACE, name)


async def data_version(session: AsyncSession, subject: Subject, period: Period) -> str:
    """The fingerprint of the aggregates a report of the period reads (with its previous
    period): it changes when feedback for those days arrives or is classified."""
    counts = await repository.data_fingerprint(
        session, subject.scope, period.previous().first, period.last
    )
    return hashlib.sha256(repr(counts).encode()).hexdigest()[:16]


async def enqueue_build(redis: ArqRedis, job: ReportJob) -> None:
    await redis.enqueue_job(
        BUILD_JOB,
        str(job.id),
        job.build,
        _job_id=f"{BUILD_JOB}:{job.id}:{job.build}",
        _queue_name=queue_name(CONSUMER),
    )


@dataclass(frozen=True, slots=True)
class Requested:
    job: ReportJob
    reused: bool


async def request_report(
    session: AsyncSession,
    redis: ArqRedis,
    subject: Subject,
    period: Period,
    *,
    force: bool,
    origin: str,
    requested_by: str,
    now: datetime,
) -> Requested:
    job_id = report_id(subject, period)
    created = await session.scalar(
        insert(ReportJob)
        .values(
            id=job_id,
            subject_kind=subject.kind.value,
            subject_id=subject.id,
            agency_id=subject.agency_id,
            date_from=period.first,
            date_to=period.last,
            status=JobStatus.QUEUED,
            progress=0,
            build=1,
            origin=origin,
            requested_by=requested_by,
            created_at=now,
            queued_at=now,
        )
        .on_conflict_do_nothing(index_elements=["id"])
        .returning(ReportJob.id)
    )
    job = await session.get(ReportJob, job_id, with_for_update=True, populate_existing=True)
    assert job is not None
    if created is None and not await _needs_build(session, job, subject, period, force, now):
        return Requested(job, reused=True)
    if created is None:
        job.build += 1
        job.status = JobStatus.QUEUED
        job.progress = 0
        job.error = None
        job.report = None
        job.origin = origin
        job.requested_by = requested_by
        job.queued_at = now
        job.started_at = job.finished_at = None
    await session.flush()
    # the build waits for this transaction: it retries until it sees the build it was given
    await enqueue_build(redis, job)
    return Requested(job, reused=False)


async def _needs_build(
    session: AsyncSession,
    job: ReportJob,
    subject: Subject,
    period: Period,
    force: bool,
    now: datetime,
) -> bool:
    if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
        return now - job.queued_at > STALE_AFTER
    if job.status == JobStatus.FAILED or force:
        return True
    return job.data_version != await data_version(session, subject, period)


async def subject_for(
    session: AsyncSession, principal: Principal, request: ReportRequest
) -> Subject:
    subject = await resolve_subject(
        session, request.subject_kind, request.subject_id, bound_to=principal.agency_id
    )
    if subject is None:
        raise NotFound(f"No {request.subject_kind.value} {request.subject_id} known to reports")
    return subject


async def visible_job(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> ReportJob:
    job = await session.get(ReportJob, job_id)
    if job is None or not principal.sees_agency(job.agency_id):
        raise NotFound(f"No report {job_id}")
    return job


async def list_jobs(
    session: AsyncSession,
    principal: Principal,
    *,
    agency_id: uuid.UUID | None,
    subject_kind: SubjectKind | None,
    subject_id: uuid.UUID | None,
    status: JobStatus | None,
    period_from: date | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> Sequence[ReportJob]:
    visible, agency_id = principal.listing_agency(agency_id)
    if not visible:
        return []
    stmt = select(ReportJob).order_by(ReportJob.created_at.desc(), ReportJob.id.desc()).limit(limit)
    if agency_id is not None:
        stmt = stmt.where(ReportJob.agency_id == agency_id)
    if subject_kind is not None:
        stmt = stmt.where(ReportJob.subject_kind == subject_kind.value)
    if subject_id is not None:
        stmt = stmt.where(ReportJob.subject_id == subject_id)
    if status is not None:
        stmt = stmt.where(ReportJob.status == status.value)
    if period_from is not None:
        stmt = stmt.where(ReportJob.date_from >= period_from)
    if after is not None:
        moment, last_id = after
        stmt = stmt.where(
            (ReportJob.created_at < moment)
            | ((ReportJob.created_at == moment) & (ReportJob.id < last_id))
        )
    return (await session.scalars(stmt)).all()
