import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.config import JsonDict

from otklik_shared.vocab import Direction, InternalSubkind, Stage

STAGE_ORDER = {stage: index for index, stage in enumerate(Stage)}
RegisterNumber = Annotated[str, Field(pattern=r"^[0-9A-Za-z\-.]{3,50}$")]


def canonical_stages(stages: list[Stage]) -> list[Stage]:
    """Stages in the order of the client path; a stage given twice is an error."""
    if len(set(stages)) != len(stages):
        raise ValueError("each stage may be given once")
    return sorted(stages, key=STAGE_ORDER.__getitem__)


class LifeSituationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "code": "birth_of_child",
                    "title": "Рождение ребенка",
                    "description": "Услуги и меры поддержки семьям при рождении ребенка",
                }
            ]
        },
    )

    code: str = Field(pattern=r"^[a-z0-9_]{2,100}$")
    title: str = Field(min_length=2, max_length=500)
    description: str | None = Field(default=None, max_length=5000)


class LifeSituationUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"title": "Рождение и воспитание ребенка"}]},
    )

    title: str | None = Field(default=None, min_length=2, max_length=500)
    description: str | None = Field(default=None, max_length=5000)


class LifeSituationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    title: str
    description: str | None = None


class LifeSituationRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    title: str


_SERVICE_EXAMPLE: JsonDict = {
    "agency_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
    "title": "Назначение ежемесячной денежной выплаты на ребенка в возрасте от трех до семи лет",
    "register_number": "1300000010000123456",
    "direction": "state_services",
    "stages": ["information", "application", "processing", "decision", "result"],
    "life_situation_ids": [],
}


class ServiceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_SERVICE_EXAMPLE]})

    agency_id: uuid.UUID
    title: str = Field(min_length=3, max_length=1000)
    register_number: RegisterNumber | None = Field(
        default=None, description="Number in the federal register of state services"
    )
    direction: Direction
    internal_subkind: InternalSubkind | None = Field(
        default=None, description="Only for direction `internal`"
    )
    stages: list[Stage] = Field(min_length=1, max_length=len(Stage))
    life_situation_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)

    _stages = field_validator("stages")(canonical_stages)

    @model_validator(mode="after")
    def _subkind_only_for_internal(self) -> "ServiceCreate":
        if self.internal_subkind is not None and self.direction != Direction.INTERNAL:
            raise ValueError("internal_subkind is only for direction `internal`")
        return self


class ServiceUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"stages": ["information", "application", "result"]}]},
    )

    title: str | None = Field(default=None, min_length=3, max_length=1000)
    register_number: RegisterNumber | None = None
    direction: Direction | None = None
    internal_subkind: InternalSubkind | None = None
    stages: list[Stage] | None = Field(default=None, min_length=1, max_length=len(Stage))
    life_situation_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)

    _stages = field_validator("stages")(
        lambda stages: canonical_stages(stages) if stages is not None else None
    )


class ServiceRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_SERVICE_EXAMPLE,
                    "id": "9b2f1c3e-2a4d-4f6b-8c7d-0e1f2a3b4c5d",
                    "internal_subkind": None,
                    "life_situations": [],
                    "retired_at": None,
                    "created_at": "2026-11-01T09:00:00Z",
                    "updated_at": "2026-11-01T09:00:00Z",
                }
            ]
        },
    )

    id: uuid.UUID
    agency_id: uuid.UUID
    title: str
    register_number: str | None
    direction: Direction
    internal_subkind: InternalSubkind | None
    stages: list[Stage]
    life_situations: list[LifeSituationRef]
    retired_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ImportResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "created": 2,
                    "service_ids": [
                        "9b2f4c1e-3a5d-4e6f-8a7b-0c1d2e3f4a5b",
                        "1c3e5d7f-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
                    ],
                }
            ]
        }
    )

    created: int
    service_ids: list[uuid.UUID]
