"""plans-api's tables live in the `plans` schema; its events leave through its outbox."""

from sqlalchemy.orm import DeclarativeBase

from otklik_kit.db import schema_metadata
from otklik_kit.events.tables import outbox_table

SCHEMA = "plans"
PRODUCER = "plans-api"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


outbox = outbox_table(Base.metadata)
