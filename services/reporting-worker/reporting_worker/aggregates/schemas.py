import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class AggregateTotals(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "first_day": "2026-05-01",
                    "last_day": "2026-11-23",
                    "agency_ids": ["3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10"],
                    "feedback": 301245,
                    "comments": 90412,
                }
            ]
        }
    )

    first_day: date | None = Field(description="First Moscow day of the interactions counted")
    last_day: date | None = Field(description="Last Moscow day of the interactions counted")
    agency_ids: list[uuid.UUID] = Field(description="The agencies counted; empty: all visible")
    feedback: int = Field(description="Feedback counted into the aggregates so far")
    comments: int = Field(description="Of them, with a comment")
