"""A feedback submitted for writing, and what became of it."""

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from feedback_api.feedback.schemas import FeedbackCreate, FeedbackReceipt
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import DomainError


@dataclass(frozen=True, slots=True)
class Outcome:
    receipt: FeedbackReceipt | None = None
    replayed: bool = False
    error: DomainError | None = None


@dataclass(slots=True)
class Submission:
    data: FeedbackCreate
    principal: Principal
    feedback_id: uuid.UUID
    received_at: datetime
    idempotency_key: str | None = None
    request_hash: str | None = None
    field_prefix: str = ""
    future: "asyncio.Future[Outcome]" = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )

    @property
    def idempotency_slot(self) -> tuple[uuid.UUID, str] | None:
        if self.idempotency_key is None:
            return None
        return self.principal.key_id, self.idempotency_key
