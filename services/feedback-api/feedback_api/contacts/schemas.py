import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ContactRead(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "feedback_id": "019a8f3c-5b1e-7c2a-9f00-3d4e5f6a7b8c",
                    "name": "Иван",
                    "email": "citizen@example.org",
                    "phone": None,
                    "consent": True,
                }
            ]
        }
    )

    feedback_id: uuid.UUID
    name: str | None
    email: str | None
    phone: str | None
    consent: bool


class ErasureRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"case_number": "2026-000123456"}]}
    )

    case_number: str = Field(
        min_length=1,
        max_length=64,
        description="Erase the contacts left with every feedback of this case",
    )


class ErasureReport(BaseModel):
    erased: int = Field(description="How many contacts were erased")
    comments_masked: int = Field(
        default=0, description="How many comments had personal data, now masked for good"
    )


class ContactAccessRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    feedback_id: uuid.UUID
    action: str = Field(
        description="read, erased (on request), expired (retention), or comment_read (the "
        "comment read with the personal data typed into it)"
    )
    api_key_id: uuid.UUID | None
    api_key_name: str | None
    at: datetime
