"""Every ORM model of feedback-api, imported so alembic sees the whole schema."""

from feedback_api.database import Base, outbox

__all__ = ["Base", "outbox"]
