"""A finished report as a file: looked up for the caller, rendered off the event loop, and kept
for the next download of the same build."""

import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

import anyio.to_thread
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.auth.keys import Principal
from otklik_kit.errors import Conflict
from reporting_worker.reports import service
from reporting_worker.reports.job_schemas import JobStatus
from reporting_worker.reports.models import ReportJob
from reporting_worker.reports.render.formats import (
    MEDIA_TYPES,
    ReportFormat,
    file_name,
    render_report,
)
from reporting_worker.reports.schemas import AnalyticalReport

CACHED_FILES = 24  # a few hundred kilobytes each


class ReportNotReady(Conflict):
    code = "report_not_ready"
    title = "The report is not built yet"


@dataclass(frozen=True)
class ReportFile:
    content: bytes
    media_type: str
    name: str


# (report id, build, finished at, format) → file; a rebuilt report has a new build number
_CacheKey = tuple[uuid.UUID, int, datetime | None, ReportFormat]
_rendered: OrderedDict[_CacheKey, ReportFile] = OrderedDict()


async def _finished_report(
    session: AsyncSession, principal: Principal, report_id: uuid.UUID
) -> ReportJob:
    job = await service.visible_job(session, principal, report_id)
    if job.status != JobStatus.DONE or job.report is None:
        raise ReportNotReady(
            f"Report {report_id} is {job.status} ({job.progress} %); "
            "download it once GET /api/v1/reports/{id} says done"
        )
    return job


def _render(report_json: dict[str, object], fmt: ReportFormat) -> ReportFile:
    report = AnalyticalReport.model_validate(report_json)
    return ReportFile(render_report(report, fmt), MEDIA_TYPES[fmt], file_name(report, fmt))


async def report_file(
    session: AsyncSession, principal: Principal, report_id: uuid.UUID, fmt: ReportFormat
) -> ReportFile:
    job = await _finished_report(session, principal, report_id)
    key = (job.id, job.build, job.finished_at, fmt)
    cached = _rendered.get(key)
    if cached is not None:
        _rendered.move_to_end(key)
        return cached
    assert job.report is not None
    rendered = await anyio.to_thread.run_sync(_render, job.report, fmt)
    _rendered[key] = rendered
    while len(_rendered) > CACHED_FILES:
        _rendered.popitem(last=False)
    return rendered
