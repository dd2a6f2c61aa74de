import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, StringConstraints

from otklik_kit.auth.keys import ORIGIN

Origin = Annotated[
    str,
    StringConstraints(pattern=f"^{ORIGIN.pattern}$", max_length=255),
    Field(description="A web origin as browsers send it: scheme, host, optional port"),
]


class PublishableKeyIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "name": "Портал госуслуг области: виджет",
                    "origins": ["https://gosuslugi.example.ru"],
                }
            ]
        },
    )

    name: str = Field(min_length=1, max_length=200)
    agency_id: uuid.UUID | None = Field(
        default=None, description="The agency it posts for (an agency-bound key: its own)"
    )
    origins: list[Origin] = Field(min_length=1, max_length=20)


class PublishableKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    agency_id: uuid.UUID
    origins: list[str] = Field(validation_alias=AliasChoices("allowed_origins", "origins"))
    created_at: datetime


class PublishableKeyCreated(PublishableKeyRead):
    token: str = Field(
        description="The key to put in the widget's snippet; shown once (only its hash is kept)"
    )
