import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, String, Table, Text, func
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from otklik_kit.db import pg_enum
from otklik_shared.vocab import Direction, InternalSubkind
from plans_api.database import Base

service_life_situations = Table(
    "service_life_situations",
    Base.metadata,
    Column(
        "service_id",
        UUID(as_uuid=True),
        ForeignKey("services.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "life_situation_id",
        UUID(as_uuid=True),
        ForeignKey("life_situations.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class LifeSituation(Base):
    """A life situation (жизненная ситуация) groups services around one event in a life."""

    __tablename__ = "life_situations"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class StateService(Base):
    """A state service (or function) of an agency, with the stages of its client path."""

    __tablename__ = "services"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    agency_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("agencies.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(1000))
    register_number: Mapped[str | None] = mapped_column(String(50), unique=True)
    direction: Mapped[Direction] = mapped_column(pg_enum(Direction, "direction"))
    internal_subkind: Mapped[InternalSubkind | None] = mapped_column(
        pg_enum(InternalSubkind, "internal_subkind")
    )
    stages: Mapped[list[str]] = mapped_column(ARRAY(String(40)))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    life_situations: Mapped[list[LifeSituation]] = relationship(
        secondary=service_life_situations, lazy="raise", order_by=LifeSituation.title
    )
