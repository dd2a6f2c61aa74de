"""feedback-api's tables live in the `feedback` schema; its events leave through its outbox and
the events it consumes are recorded in its inbox."""

from sqlalchemy.orm import DeclarativeBase

from otklik_kit.db import schema_metadata
from otklik_kit.events.tables import inbox_table, outbox_table

SCHEMA = "feedback"
PRODUCER = "feedback-api"
CONSUMER = "feedback"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


outbox = outbox_table(Base.metadata)
inbox = inbox_table(Base.metadata)
