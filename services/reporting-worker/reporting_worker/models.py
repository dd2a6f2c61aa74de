"""Every ORM model of reporting-worker, imported so alembic sees the whole schema."""

from reporting_worker.aggregates.models import FeedbackDaily
from reporting_worker.database import Base, inbox
from reporting_worker.directory.models import KnownAgency, KnownService

__all__ = ["Base", "FeedbackDaily", "KnownAgency", "KnownService", "inbox"]
