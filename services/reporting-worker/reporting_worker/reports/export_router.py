import uuid
from typing import Any

from fastapi import Response

from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router, content_disposition, file_response
from reporting_worker.reports import exports
from reporting_worker.reports.render.formats import MEDIA_TYPES, ReportFormat

router = api_router("reports", tag="reports")

# the page has no scripts and loads nothing: forbid both, in case it is opened from the API
HTML_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _file_responses(fmt: ReportFormat, description: str) -> dict[int | str, dict[str, Any]]:
    return {
        **file_response(description, MEDIA_TYPES[fmt].split(";")[0]),
        **problem_responses(404, 409),
    }


async def _download(
    session: DbSession, principal: ReportsReader, report_id: uuid.UUID, fmt: ReportFormat
) -> Response:
    file = await exports.report_file(session, principal, report_id, fmt)
    inline = fmt == ReportFormat.HTML
    headers = {"Content-Disposition": content_disposition(file.name, inline=inline)}
    if inline:
        headers["Content-Security-Policy"] = HTML_POLICY
    return Response(file.content, media_type=file.media_type, headers=headers)


@router.get(
    "/{report_id}/export.html",
    operation_id="export_report_html",
    summary="The report as a web page",
    response_class=Response,
    responses=_file_responses(ReportFormat.HTML, "One self-contained page with its charts"),
)
async def export_report_html(
    session: DbSession, principal: ReportsReader, report_id: uuid.UUID
) -> Response:
    """Conclusions, figures, charts, the pain map with quotes, plan progress and surveys on one
    page that loads nothing else (opens offline, prints to A4); 409 until the report is done."""
    return await _download(session, principal, report_id, ReportFormat.HTML)


@router.get(
    "/{report_id}/export.pdf",
    operation_id="export_report_pdf",
    summary="The report as a PDF",
    response_class=Response,
    responses=_file_responses(ReportFormat.PDF, "A4 pages, charts as images"),
)
async def export_report_pdf(
    session: DbSession, principal: ReportsReader, report_id: uuid.UUID
) -> Response:
    """The same content as the page, on A4; 409 until the report is done."""
    return await _download(session, principal, report_id, ReportFormat.PDF)


@router.get(
    "/{report_id}/export.xlsx",
    operation_id="export_report_xlsx",
    summary="The report as an Excel workbook",
    response_class=Response,
    responses=_file_responses(ReportFormat.XLSX, "Data sheets with native Excel charts"),
)
async def export_report_xlsx(
    session: DbSession, principal: ReportsReader, report_id: uuid.UUID
) -> Response:
    """A summary sheet and one sheet per breakdown (stages, channels, touchpoints, pain map,
    categories, sentiment, plan, surveys, days) with charts over the cells; 409 until done."""
    return await _download(session, principal, report_id, ReportFormat.XLSX)
