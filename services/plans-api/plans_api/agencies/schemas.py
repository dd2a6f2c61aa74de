import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from otklik_shared.vocab import AgencyLevel

_EXAMPLE: JsonDict = {
    "name": "Министерство социальной защиты населения Республики Примерной",
    "short_name": "Минсоцзащиты",
    "level": "regional",
    "parent_id": None,
    "region_code": "99",
}


class AgencyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    name: str = Field(min_length=3, max_length=500)
    short_name: str | None = Field(default=None, max_length=200)
    level: AgencyLevel
    parent_id: uuid.UUID | None = Field(
        default=None, description="The superior body, e.g. the ministry above a municipality"
    )
    region_code: str | None = Field(default=None, pattern=r"^\d{2,3}$", max_length=3)


class AgencyUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"short_name": "Минсоц"}]}
    )

    name: str | None = Field(default=None, min_length=3, max_length=500)
    short_name: str | None = Field(default=None, max_length=200)
    level: AgencyLevel | None = None
    parent_id: uuid.UUID | None = None
    region_code: str | None = Field(default=None, pattern=r"^\d{2,3}$", max_length=3)


class AgencyRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_EXAMPLE,
                    "id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
                    "created_at": "2026-11-01T09:00:00Z",
                    "updated_at": "2026-11-01T09:00:00Z",
                }
            ]
        },
    )

    id: uuid.UUID
    name: str
    short_name: str | None
    level: AgencyLevel
    parent_id: uuid.UUID | None
    region_code: str | None
    created_at: datetime
    updated_at: datetime
