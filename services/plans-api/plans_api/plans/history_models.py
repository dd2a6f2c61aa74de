"""What an item looked like from a moment on: its executors (dates, statuses) and whether its
closing evidence was in. Progress as of a past date is derived from the state valid then."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Identity, Index
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from plans_api.database import Base


class PlanItemState(Base):
    """Appended on approval and on every change of an approved item's executors or evidence."""

    __tablename__ = "plan_item_states"
    __table_args__ = (Index("ix_plan_item_states_plan_valid_from", "plan_id", "valid_from"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plans.id", ondelete="CASCADE")
    )
    row_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("plan_rows.id", ondelete="CASCADE"), index=True
    )
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the order of states recorded at the same moment
    seq: Mapped[int] = mapped_column(BigInteger, Identity(), unique=True)
    # ExecutorRead dumps (JSON mode), in the item's order
    executors: Mapped[list[dict[str, object]]] = mapped_column(JSONB)
    closed: Mapped[bool] = mapped_column(Boolean, doc="Its closing evidence was in")
