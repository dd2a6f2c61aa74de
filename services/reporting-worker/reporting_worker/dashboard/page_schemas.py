import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class DashboardLinkIn(BaseModel):
    """Whose dashboard the link opens: an agency's, one service's, or (for a key bound to no
    agency) everything."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"agency_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b"}]},
    )

    agency_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None


class DashboardLink(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "url": "https://reports.example.ru/dashboard?link=eyJrIjoi…",
                    "path": "/dashboard?link=eyJrIjoi…",
                    "expires_at": "2026-11-23T12:10:00Z",
                    "session_hours": 12,
                }
            ]
        }
    )

    url: str = Field(
        description="Open it in a browser before it expires; it is traded for a session cookie"
    )
    path: str = Field(description="The same, relative to this service")
    expires_at: datetime = Field(description="The link's end (a few minutes)")
    session_hours: int = Field(description="How long the page then stays open in that browser")
