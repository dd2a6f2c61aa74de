"""Report jobs: one row per subject × period × audience, rebuilt in place when asked again
after its data changed. The report JSON lives in the row once the job is done."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Index, SmallInteger, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from reporting_worker.database import Base


class ReportJob(Base):
    __tablename__ = "report_jobs"
    __table_args__ = (
        Index("ix_report_jobs_agency_created", "agency_id", "created_at"),
        Index("ix_report_jobs_subject", "subject_id", "date_from"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    # whose data the report holds: an agency-bound key sees only its own agency's reports;
    # null for a life situation across agencies
    agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    progress: Mapped[int] = mapped_column(SmallInteger, default=0)
    # each (re)build has its number; a queued job of an older build does nothing
    build: Mapped[int] = mapped_column(default=1)
    origin: Mapped[str] = mapped_column(String(20))
    requested_by: Mapped[str] = mapped_column(String(200))
    # the aggregates' fingerprint the report was built from (see reports.freshness)
    data_version: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
