"""The report's downloadable formats: one entry point per format, the same layout for all."""

from collections.abc import Callable
from enum import StrEnum

from otklik_kit.pdf import PDF_MEDIA_TYPE
from reporting_worker.reports.render.html import HTML_MEDIA_TYPE, render_html
from reporting_worker.reports.render.layout import file_stem, report_view
from reporting_worker.reports.render.pdf import render_pdf
from reporting_worker.reports.render.view import ReportView
from reporting_worker.reports.render.xlsx import XLSX_MEDIA_TYPE, render_xlsx
from reporting_worker.reports.schemas import AnalyticalReport


class ReportFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"
    XLSX = "xlsx"


MEDIA_TYPES = {
    ReportFormat.HTML: HTML_MEDIA_TYPE,
    ReportFormat.PDF: PDF_MEDIA_TYPE,
    ReportFormat.XLSX: XLSX_MEDIA_TYPE,
}
_RENDERERS: dict[ReportFormat, Callable[[ReportView], bytes]] = {
    ReportFormat.HTML: render_html,
    ReportFormat.PDF: render_pdf,
    ReportFormat.XLSX: render_xlsx,
}


def render_report(report: AnalyticalReport, fmt: ReportFormat) -> bytes:
    """The report as a file; CPU-bound (charts, PDF layout): call it from a worker thread."""
    return _RENDERERS[fmt](report_view(report))


def file_name(report: AnalyticalReport, fmt: ReportFormat) -> str:
    return f"{file_stem(report)}.{fmt.value}"
