import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ReviewPolicyIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"answer_due_days": 10}]}
    )

    answer_due_days: int = Field(
        ge=1, le=365, description="Days to answer a feedback that needs a review"
    )


class ReviewPolicyRead(BaseModel):
    agency_id: uuid.UUID
    answer_due_days: int
    is_default: bool = Field(description="True while the agency keeps the service's default")
    updated_at: datetime | None
