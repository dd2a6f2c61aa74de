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
    # the dashboard's alert: CSAT of the last 24 hours this many п.п. below the 7 days before,
    # with at least this many responses in both
    dashboard_alert_drop_pp: float = Field(
        default=10.0, gt=0, validation_alias="DASHBOARD_ALERT_DROP_PP"
    )
    dashboard_alert_min_responses: int = Field(
        default=20, ge=1, validation_alias="DASHBOARD_ALERT_MIN_RESPONSES"
    )
    # the report's statistics: confidence level of intervals and tests, the minimum responses in
    # each of two periods to compare them, and the pseudo-responses at the subject's CSAT that
    # pull a small pain-map cell or service toward the subject's mean when ranking
    report_significance_level: float = Field(
        default=0.95, gt=0.5, lt=1, validation_alias="REPORT_SIGNIFICANCE_LEVEL"
    )
    report_min_responses: int = Field(default=30, ge=1, validation_alias="REPORT_MIN_RESPONSES")
    report_prior_weight: float = Field(default=20.0, ge=0, validation_alias="REPORT_PRIOR_WEIGHT")
