import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict


class Dimension(StrEnum):
    OVERALL = "overall"
    SERVICE = "service"
    STAGE = "stage"
    CHANNEL = "channel"


class LiveFigures(BaseModel):
    responses: int
    csat: float | None = Field(description="Share of ratings 4–5, %")
    average_rating: float | None
    baseline_responses: int = Field(description="In the 7 days before the window")
    baseline_csat: float | None
    change: float | None = Field(description="csat − baseline_csat, п.п.")


class LiveRow(LiveFigures):
    key: str = Field(description="Service id, stage or channel code ('' for «не указан»)")
    label: str


class HourPoint(BaseModel):
    hour: datetime = Field(description="Start of the hour, UTC")
    responses: int
    csat: float | None


class AlertBasis(StrEnum):
    # the last 24 hours against the same row's 7 days before
    OWN_BASELINE = "own_baseline"
    # a new or quiet service (too little of its own history): its 8 days against the rest of
    # the agency's services over the same 8 days, when the gap is significant
    AGENCY = "agency"


class Alert(BaseModel):
    dimension: Dimension
    basis: AlertBasis = AlertBasis.OWN_BASELINE
    key: str
    label: str
    responses: int = Field(description="Own basis: the 24 hours; agency basis: the 8 days")
    csat: float
    baseline_responses: int = Field(
        description="Own basis: the 7 days before; agency basis: the agency's other services"
    )
    baseline_csat: float
    drop: float = Field(description="How far CSAT fell below the baseline, п.п.")
    message: str = Field(description="The alert in Russian")


_EXAMPLE: JsonDict = {
    "generated_at": "2026-11-23T12:05:00Z",
    "window_from": "2026-11-22T13:00:00Z",
    "window_to": "2026-11-23T12:05:00Z",
    "baseline_from": "2026-11-15T13:00:00Z",
    "agency_id": "0193a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b",
    "service_id": None,
    "threshold_pp": 10.0,
    "min_responses": 20,
    "total": {
        "responses": 40,
        "csat": 50.0,
        "average_rating": 3.0,
        "baseline_responses": 280,
        "baseline_csat": 86.4,
        "change": -36.4,
    },
    "by_service": [],
    "by_stage": [],
    "by_channel": [],
    "hourly": [{"hour": "2026-11-23T11:00:00Z", "responses": 12, "csat": 41.7}],
    "alerts": [
        {
            "dimension": "channel",
            "key": "mfc",
            "label": "МФЦ",
            "responses": 20,
            "csat": 50.0,
            "baseline_responses": 140,
            "baseline_csat": 100.0,
            "drop": 50.0,
            "message": "CSAT в канале «МФЦ» за 24 часа — 50 % против 100 % за предыдущие 7 "
            "дней: на 50 п.п. ниже (20 ответов).",
        }
    ],
}


class Dashboard(BaseModel):
    """The last 24 hours for real-time monitoring (seed 004), against the 7 days before."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    generated_at: datetime
    window_from: datetime = Field(description="Start of the 24 hourly buckets shown")
    window_to: datetime
    baseline_from: datetime = Field(description="The baseline is baseline_from..window_from")
    agency_id: uuid.UUID | None
    service_id: uuid.UUID | None
    threshold_pp: float = Field(description="An alert needs CSAT this many п.п. below baseline")
    min_responses: int = Field(description="…and at least this many responses in both")
    total: LiveFigures
    by_service: list[LiveRow] = Field(description="Most responses first")
    by_stage: list[LiveRow]
    by_channel: list[LiveRow]
    hourly: list[HourPoint] = Field(description="The 24 hours, oldest first")
    alerts: list[Alert] = Field(description="Largest drop first")
