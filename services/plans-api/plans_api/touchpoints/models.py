import uuid
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    String,
    Table,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column, relationship

from otklik_kit.db import pg_enum
from otklik_shared.vocab import Direction
from otklik_shared.vocab_touchpoints import ClientNeed, TouchpointKind
from plans_api.catalog.models import StateService
from plans_api.database import Base
from plans_api.touchpoints.basis import TouchpointBasis

touchpoint_services = Table(
    "touchpoint_services",
    Base.metadata,
    Column(
        "touchpoint_id",
        UUID(as_uuid=True),
        ForeignKey("touchpoints.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "service_id",
        UUID(as_uuid=True),
        ForeignKey("services.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Touchpoint(Base):
    """A touchpoint (точка взаимодействия) of an agency: where clients meet it, and for what."""

    __tablename__ = "touchpoints"
    __table_args__ = (
        CheckConstraint(
            "(is_digital AND url IS NOT NULL) OR (NOT is_digital AND address IS NOT NULL)",
            name="located",
        ),
        CheckConstraint("cardinality(client_needs) > 0", name="serves_a_need"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    agency_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("agencies.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[TouchpointKind] = mapped_column(pg_enum(TouchpointKind, "touchpoint_kind"))
    is_digital: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    address: Mapped[str | None] = mapped_column(String(1000))
    directions: Mapped[list[Direction]] = mapped_column(ARRAY(pg_enum(Direction, "direction")))
    client_needs: Mapped[list[ClientNeed]] = mapped_column(
        ARRAY(pg_enum(ClientNeed, "client_need"))
    )
    collects_feedback: Mapped[bool] = mapped_column(Boolean)
    feedback_channel: Mapped[str | None] = mapped_column(String(1000))
    basis_kind: Mapped[TouchpointBasis | None] = mapped_column(String(20))
    basis_document: Mapped[str | None] = mapped_column(String(1000))
    responsible_unit: Mapped[str | None] = mapped_column(String(500))
    responsible_persons: Mapped[list[str]] = mapped_column(
        ARRAY(String(300)), default=list, server_default="{}"
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    services: Mapped[list[StateService]] = relationship(
        secondary=touchpoint_services, lazy="raise", order_by=StateService.title
    )

    @property
    def service_ids(self) -> list[uuid.UUID]:
        return [service.id for service in self.services]
