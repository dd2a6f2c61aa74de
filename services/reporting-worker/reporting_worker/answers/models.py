"""Citizens' ratings of agencies' answers (the federal platform's KPI): counted per agency ×
service × stage × channel × Moscow day; each answer counted once, at its first rating."""

import uuid
from datetime import date

from sqlalchemy import Date, Integer, String, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from reporting_worker.database import Base


class AnswerRatingDaily(Base):
    __tablename__ = "answer_rating_daily"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    stage: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    rated: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    satisfied: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class RatedAnswer(Base):
    """Which answers are counted already: a second rating of the same answer (another event id,
    the citizen changing their mind) is not counted again."""

    __tablename__ = "rated_answers"

    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    answer_number: Mapped[int] = mapped_column(Integer, primary_key=True)
