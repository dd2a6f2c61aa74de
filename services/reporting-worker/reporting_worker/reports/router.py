import uuid
from datetime import UTC, datetime
from typing import Annotated

from arq.connections import ArqRedis
from fastapi import Depends, Request, status

from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.pagination import Cursor, Limit, Page, decode_time_cursor
from otklik_kit.problems import problem_responses
from otklik_kit.query_dates import QueryDate
from otklik_kit.routing import api_router
from reporting_worker.reports import service
from reporting_worker.reports.job_schemas import (
    JobStatus,
    ReportJobRead,
    ReportJobSummary,
    ReportRequest,
)
from reporting_worker.reports.schemas import SubjectKind
from reporting_worker.reports.views import job_read, job_summary

router = api_router("reports", tag="reports")


def _redis(request: Request) -> ArqRedis:
    redis: ArqRedis = request.app.state.redis
    return redis


@router.post(
    "",
    operation_id="request_report",
    summary="Request an analytical report",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problem_responses(404, 422, 503),
)
async def request_report(
    session: DbSession,
    principal: ReportsReader,
    redis: Annotated[ArqRedis, Depends(_redis)],
    body: ReportRequest,
) -> ReportJobRead:
    """Queues the report of a service, an agency or a life situation for a month (the last
    whole month by default) or explicit dates; a month still in progress is built on the data
    up to now («неполный месяц»), one not yet begun is refused (422). Asking again returns the
    same job: in flight, or finished while its aggregates are unchanged (`reused`); `force`
    builds it again."""
    now = datetime.now(UTC)
    period = service.requested_period(body, now)
    subject = await service.subject_for(session, principal, body)
    requested = await service.request_report(
        session,
        redis,
        subject,
        period,
        force=body.force,
        origin="api",
        requested_by=principal.name,
        now=now,
    )
    return job_read(requested.job, reused=requested.reused)


@router.get(
    "/{report_id}",
    operation_id="get_report",
    summary="A report job: status, progress and the report",
    responses=problem_responses(404),
)
async def get_report(
    session: DbSession, principal: ReportsReader, report_id: uuid.UUID
) -> ReportJobRead:
    """Status and progress percent; the report JSON once `status` is `done`. 404 for another
    agency's report."""
    return job_read(await service.visible_job(session, principal, report_id))


@router.get(
    "",
    operation_id="list_reports",
    summary="List report jobs",
    responses=problem_responses(422),
)
async def list_reports(
    session: DbSession,
    principal: ReportsReader,
    agency_id: uuid.UUID | None = None,
    subject_kind: SubjectKind | None = None,
    subject_id: uuid.UUID | None = None,
    status: JobStatus | None = None,
    period_from: QueryDate | None = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ReportJobSummary]:
    """Newest first, without the report bodies; filter by agency, subject, status, or periods
    starting on or after `period_from`."""
    jobs = await service.list_jobs(
        session,
        principal,
        agency_id=agency_id,
        subject_kind=subject_kind,
        subject_id=subject_id,
        status=status,
        period_from=period_from,
        after=decode_time_cursor(cursor),
        limit=limit,
    )
    items = [job_summary(job) for job in jobs]
    return Page.of(items, limit, lambda item: [item.created_at.isoformat(), str(item.id)])
