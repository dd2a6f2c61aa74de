"""reporting-worker's tables live in the `reporting` schema; applied events in its inbox; the
events it publishes (classifications) leave through its outbox."""

from sqlalchemy.orm import DeclarativeBase

from otklik_kit.db import schema_metadata
from otklik_kit.events.tables import inbox_table, outbox_table

SCHEMA = "reporting"
CONSUMER = "reporting"
PRODUCER = "reporting-worker"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


inbox = inbox_table(Base.metadata)
outbox = outbox_table(Base.metadata)
