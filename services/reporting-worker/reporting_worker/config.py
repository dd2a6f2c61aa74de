from pydantic import Field

from otklik_kit.settings import KitSettings


class ReportingSettings(KitSettings):
    port: int = Field(default=8003, validation_alias="REPORTING_API_PORT")
    plans_api_url: str = Field(default="http://127.0.0.1:8001", validation_alias="PLANS_API_URL")
    feedback_api_url: str = Field(
        default="http://127.0.0.1:8002", validation_alias="FEEDBACK_API_URL"
    )
