from reporting_worker.reports.job_schemas import (
    JobStatus,
    ReportJobRead,
    ReportJobSummary,
    ReportLinks,
)
from reporting_worker.reports.models import ReportJob
from reporting_worker.reports.schemas import AnalyticalReport, SubjectKind

REPORTS_PATH = "/api/v1/reports"


def links(job: ReportJob) -> ReportLinks:
    own = f"{REPORTS_PATH}/{job.id}"
    return ReportLinks(
        self=own, html=f"{own}/export.html", pdf=f"{own}/export.pdf", xlsx=f"{own}/export.xlsx"
    )


def _summary_fields(job: ReportJob) -> dict[str, object]:
    return {
        "id": job.id,
        "status": JobStatus(job.status),
        "progress": job.progress,
        "subject_kind": SubjectKind(job.subject_kind),
        "subject_id": job.subject_id,
        "agency_id": job.agency_id,
        "date_from": job.date_from,
        "date_to": job.date_to,
        "origin": job.origin,
        "build": job.build,
        "error": job.error,
        "created_at": job.created_at,
        "queued_at": job.queued_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "links": links(job),
    }


def job_summary(job: ReportJob) -> ReportJobSummary:
    return ReportJobSummary.model_validate(_summary_fields(job))


def job_read(job: ReportJob, *, reused: bool = False) -> ReportJobRead:
    report = (
        AnalyticalReport.model_validate(job.report)
        if job.status == JobStatus.DONE and job.report is not None
        else None
    )
    return ReportJobRead.model_validate(
        {**_summary_fields(job), "reused": reused, "report": report}
    )
