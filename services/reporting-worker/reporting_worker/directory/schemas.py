import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict


class KnownAgencyRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
                    "name": "Министерство социальной защиты населения Республики Примерной",
                    "short_name": "Минсоцзащиты",
                    "level": "regional",
                    "parent_id": None,
                    "revision": 2,
                    "updated_at": "2026-11-01T09:00:01Z",
                }
            ]
        },
    )

    id: uuid.UUID
    name: str
    short_name: str | None
    level: str
    parent_id: uuid.UUID | None
    revision: int
    updated_at: datetime


class KnownServiceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    agency_id: uuid.UUID
    title: str
    direction: str
    stages: list[str]
    life_situation_ids: list[uuid.UUID]
    retired: bool
    revision: int
    updated_at: datetime
