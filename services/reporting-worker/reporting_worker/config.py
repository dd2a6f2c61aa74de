from pydantic import Field

from otklik_kit.settings import KitSettings


class ReportingSettings(KitSettings):
    port: int = Field(default=8003, validation_alias="REPORTING_API_PORT")
    plans_api_url: str = Field(default="http://127.0.0.1:8001", validation_alias="PLANS_API_URL")
    feedback_api_url: str = Field(
        default="http://127.0.0.1:8002", validation_alias="FEEDBACK_API_URL"
    )
    worker_max_jobs: int = Field(default=20, ge=1, validation_alias="WORKER_MAX_JOBS")
    worker_poll_seconds: float = Field(default=0.05, gt=0, validation_alias="WORKER_POLL_SECONDS")
