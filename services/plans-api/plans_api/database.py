"""plans-api's tables live in the `plans` schema; its events leave through its outbox and the
events it consumes (proposals from feedback-api) are recorded in its inbox."""

from sqlalchemy.orm import DeclarativeBase

from otklik_kit.db import schema_metadata
from otklik_kit.events.tables import inbox_table, outbox_table

SCHEMA = "plans"
PRODUCER = "plans-api"
CONSUMER = "plans"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


outbox = outbox_table(Base.metadata)
inbox = inbox_table(Base.metadata)
