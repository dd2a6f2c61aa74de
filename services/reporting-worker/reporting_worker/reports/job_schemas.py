"""The report jobs API: what a client asks for and what it gets back while the job runs."""

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reporting_worker.reports.schemas import AnalyticalReport, SubjectKind

MAX_PERIOD_DAYS = 366


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ReportRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "subject_kind": "service",
                    "subject_id": "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                    "month": "2026-11",
                },
                {
                    "subject_kind": "agency",
                    "subject_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b",
                    "date_from": "2026-11-01",
                    "date_to": "2026-11-15",
                    "force": True,
                },
            ]
        },
    )

    subject_kind: SubjectKind
    subject_id: uuid.UUID
    month: str | None = Field(
        default=None,
        pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
        description="A calendar month, YYYY-MM; without it and without dates: the last whole "
        "month (Moscow)",
    )
    date_from: date | None = Field(default=None, description="With date_to: an explicit period")
    date_to: date | None = None
    force: bool = Field(
        default=False,
        description="Build again even when a finished report of unchanged data exists (e.g. to "
        "refresh plan progress)",
    )

    @model_validator(mode="after")
    def _one_period(self) -> "ReportRequest":
        if self.month is not None and (self.date_from or self.date_to):
            raise ValueError("give either month or date_from/date_to, not both")
        if (self.date_from is None) != (self.date_to is None):
            raise ValueError("date_from and date_to go together")
        if self.date_from and self.date_to:
            if self.date_to < self.date_from:
                raise ValueError("date_to is before date_from")
            if (self.date_to - self.date_from).days >= MAX_PERIOD_DAYS:
                raise ValueError(f"the period is longer than {MAX_PERIOD_DAYS} days")
        return self


class ReportLinks(BaseModel):
    self: str = Field(examples=["/api/v1/reports/5b1f…"])
    html: str = Field(description="The report as a web page with its charts, once done")
    pdf: str
    xlsx: str


class ReportJobSummary(BaseModel):
    id: uuid.UUID = Field(
        description="Derived from subject, period and audience: asking again gives the same id"
    )
    status: JobStatus
    progress: int = Field(ge=0, le=100, description="Percent")
    subject_kind: SubjectKind
    subject_id: uuid.UUID
    agency_id: uuid.UUID | None
    date_from: date
    date_to: date
    origin: str = Field(examples=["api", "cron"])
    build: int = Field(description="How many times it was (re)built")
    error: str | None
    created_at: datetime
    queued_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    links: ReportLinks


class ReportJobRead(ReportJobSummary):
    reused: bool = Field(
        default=False,
        description="On POST: an existing report (finished on unchanged data, or in flight) was "
        "returned instead of a new build",
    )
    report: AnalyticalReport | None = Field(description="The report, once status is done")
