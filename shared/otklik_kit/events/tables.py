"""The outbox (producer side) and inbox (consumer side) tables, created in a service's schema."""

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID


def outbox_table(metadata: MetaData) -> Table:
    """One row per event and consumer queue: written in the transaction of the change."""
    return Table(
        "outbox",
        metadata,
        Column("seq", BigInteger, primary_key=True, autoincrement=True),
        Column("event_id", UUID(as_uuid=True), nullable=False),
        Column("queue", String(100), nullable=False),
        Column("type", String(100), nullable=False),
        Column("version", Integer, nullable=False),
        Column("occurred_at", DateTime(timezone=True), nullable=False),
        Column("producer", String(50), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("batch_id", String(100)),
        Column("sent_at", DateTime(timezone=True)),
        Column("completed_at", DateTime(timezone=True)),
        Column("failed_at", DateTime(timezone=True)),
        Column("send_count", Integer, nullable=False, server_default=text("0")),
        UniqueConstraint("event_id", "queue", name="uq_outbox_event_queue"),
        Index("ix_outbox_unsent", "seq", postgresql_where=text("sent_at IS NULL")),
        Index(
            "ix_outbox_in_flight",
            "sent_at",
            postgresql_where=text(
                "sent_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL"
            ),
        ),
    )


def inbox_table(metadata: MetaData) -> Table:
    """Ids of the events a consumer has applied, recorded in the transaction of the effect."""
    return Table(
        "processed_events",
        metadata,
        Column("event_id", UUID(as_uuid=True), primary_key=True),
        Column("type", String(100), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("note", Text),
    )
