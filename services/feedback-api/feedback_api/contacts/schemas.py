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


class ContactAccessRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    feedback_id: uuid.UUID
    action: str = Field(description="read, erased (on request) or expired (retention)")
    api_key_id: uuid.UUID | None
    api_key_name: str | None
    at: datetime
