"""Survey templates of agencies, survey runs with their permanent public link, and responses.

Each answer is its own row with a numeric, option or text value, so a question's results are one
GROUP BY over the run's rows of an index, whatever the number of responses.
"""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from feedback_api.database import Base
from feedback_api.surveys.questions import SurveyAudience
from otklik_kit.db import pg_enum


class SurveyTemplate(Base):
    """An agency's own template; the built-in ones are reference data in the code."""

    __tablename__ = "survey_templates"
    __table_args__ = (UniqueConstraint("agency_id", "code"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    audience: Mapped[SurveyAudience] = mapped_column(pg_enum(SurveyAudience, "survey_audience"))
    methodology_form: Mapped[str | None] = mapped_column(String(150))
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SurveyRun(Base):
    __tablename__ = "survey_runs"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period"),
        Index("ix_survey_runs_agency", "agency_id", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    service_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    template_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    # the template's code, title and questions when the run was created (see questions.Instrument)
    instrument: Mapped[dict[str, Any]] = mapped_column(JSONB)
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SurveyResponse(Base):
    __tablename__ = "survey_responses"
    __table_args__ = (
        UniqueConstraint("run_id", "respondent_hash"),
        Index("ix_survey_responses_run_submitted", "run_id", "submitted_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    run_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("survey_runs.id"))
    # SHA-256 of the client's respondent token: one response per device, no device id kept
    respondent_hash: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class SurveyAnswer(Base):
    __tablename__ = "survey_answers"
    __table_args__ = (
        CheckConstraint("num_nonnulls(number, option, text) = 1", name="one_value"),
        Index("ix_survey_answers_run_question", "run_id", "question", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    response_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("survey_responses.id")
    )
    run_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("survey_runs.id"))
    question: Mapped[int] = mapped_column(SmallInteger)
    # a rating or NPS score; a chosen option's number (one row per option chosen); a text
    number: Mapped[int | None] = mapped_column(SmallInteger)
    option: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[str | None] = mapped_column(Text)
