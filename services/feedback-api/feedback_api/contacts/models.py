"""Citizens' contact details: apart from the feedback, encrypted, every read recorded."""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from feedback_api.database import Base


class Contact(Base):
    __tablename__ = "contacts"

    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    # Fernet token (AES-128-CBC + HMAC-SHA256) of the contact as JSON
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )


class ContactAccess(Base):
    """Who read or erased a contact, when, and why: kept after the contact itself is erased."""

    __tablename__ = "contact_access_log"

    id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )
    feedback_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    action: Mapped[str] = mapped_column(String(20))  # read | erased | expired
    api_key_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    api_key_name: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=text("now()"))
