"""API keys live in the `auth` schema, owned by the kit and shared by all services."""

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, DateTime, String, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from otklik_kit.db import schema_metadata

AUTH_SCHEMA = "auth"


class AuthBase(DeclarativeBase):
    metadata = schema_metadata(AUTH_SCHEMA)


class ApiKey(AuthBase):
    __tablename__ = "api_keys"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(32), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    # a publishable key's web origins (`https://portal.example.ru`); None for any other key
    allowed_origins: Mapped[list[str] | None] = mapped_column(ARRAY(String(255)))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
