"""reporting-worker's tables live in the `reporting` schema; applied events in its inbox."""

from sqlalchemy.orm import DeclarativeBase

from otklik_kit.db import schema_metadata
from otklik_kit.events.tables import inbox_table

SCHEMA = "reporting"
CONSUMER = "reporting"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)


inbox = inbox_table(Base.metadata)
