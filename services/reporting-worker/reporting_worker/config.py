from pydantic import Field

from otklik_kit.settings import KitSettings


class ReportingSettings(KitSettings):
    port: int = Field(default=8003, validation_alias="REPORTING_API_PORT")
    plans_api_url: str = Field(default="http://127.0.0.1:8001", validation_alias="PLANS_API_URL")
    feedback_api_url: str = Field(
        default="http://127.0.0.1:8002", validation_alias="FEEDBACK_API_URL"
    )
    # the reporting worker's own key for reading plans-api and feedback-api (plans:read,
    # feedback:read, not bound to an agency); `otklik run` mints one when it is not set
    service_api_key: str | None = Field(default=None, validation_alias="REPORTING_SERVICE_API_KEY")
