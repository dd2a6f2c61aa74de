"""Every ORM model of reporting-worker, imported so alembic sees the whole schema."""

from reporting_worker.database import Base, inbox
from reporting_worker.directory.models import KnownAgency, KnownService

__all__ = ["Base", "KnownAgency", "KnownService", "inbox"]
