from pydantic import Field, SecretStr, field_validator, model_validator

from otklik_kit.settings import KitSettings

# used only outside production when PUBLIC_PAGES_SECRET is not set; never protects real data
DEVELOPMENT_PAGES_SECRET = b"otklik-development-only-public-pages-secret"


class FeedbackSettings(KitSettings):
    port: int = Field(default=8002, validation_alias="FEEDBACK_API_PORT")
    # url-safe base64 of 32 random bytes (a Fernet key); encrypts citizens' contact details and
    # webhook signing secrets at rest. Outside production a fixed development key stands in.
    contacts_encryption_key: SecretStr | None = Field(
        default=None, validation_alias="CONTACTS_ENCRYPTION_KEY"
    )
    # days a contact is kept after its review is closed (or after receipt, needing no review)
    contacts_retention_days: int = Field(
        default=30, ge=0, le=3650, validation_alias="CONTACTS_RETENTION_DAYS"
    )
    # days an agency has to answer a feedback that needs a review, unless it set its own
    answer_due_days: int = Field(default=30, ge=1, le=365, validation_alias="ANSWER_DUE_DAYS")
    # how far after its receipt a feedback's occurred_at may lie (clients' clocks drift)
    clock_skew_minutes: int = Field(default=10, ge=0, le=60, validation_alias="CLOCK_SKEW_MINUTES")
    # group commit of the ingest path: concurrent posts of a few milliseconds share one commit
    ingest_batch_max: int = Field(default=256, ge=1, le=5000, validation_alias="INGEST_BATCH_MAX")
    ingest_batch_wait_ms: float = Field(
        default=2.0, ge=0, le=100, validation_alias="INGEST_BATCH_WAIT_MS"
    )
    webhook_timeout_seconds: float = Field(
        default=10.0, gt=0, validation_alias="WEBHOOK_TIMEOUT_SECONDS"
    )
    # webhooks only to public addresses, without userinfo; unset: on in production only
    webhook_public_addresses_only: bool | None = Field(
        default=None, validation_alias="WEBHOOK_PUBLIC_ADDRESSES_ONLY"
    )
    webhook_max_attempts: int = Field(
        default=8, ge=1, le=30, validation_alias="WEBHOOK_MAX_ATTEMPTS"
    )
    # the wait before retry n is base * 3^(n-1), at most max: 10 s, 30 s, 90 s, 4.5 min, ...
    webhook_retry_base_seconds: float = Field(
        default=10.0, gt=0, validation_alias="WEBHOOK_RETRY_BASE_SECONDS"
    )
    webhook_retry_max_seconds: float = Field(
        default=6 * 3600.0, gt=0, validation_alias="WEBHOOK_RETRY_MAX_SECONDS"
    )
    # rows of one CSV/XLSX export of the feedback list
    export_max_rows: int = Field(
        default=100_000, ge=1, le=1_000_000, validation_alias="EXPORT_MAX_ROWS"
    )
    # public survey answers allowed per client IP, and per respondent token, in a minute
    survey_rate_limit_per_minute: int = Field(
        default=60, ge=1, le=100_000, validation_alias="SURVEY_RATE_LIMIT_PER_MINUTE"
    )
    # feedback posts through a portal widget (publishable keys) per client IP in a minute
    widget_rate_limit_per_minute: int = Field(
        default=30, ge=1, le=100_000, validation_alias="WIDGET_RATE_LIMIT_PER_MINUTE"
    )
    # the survey link given in results, e.g. a portal page that renders the public form:
    # `https://portal.example.ru/opros/{token}`; by default the API's own public form URL
    survey_link_template: str | None = Field(default=None, validation_alias="SURVEY_LINK_TEMPLATE")
    # where citizens reach this service's public pages (rating pages behind QR codes, the
    # private answer link of a receipt), e.g. `https://otklik.example.ru`; by default the
    # address the request came to
    public_base_url: str | None = Field(default=None, validation_alias="PUBLIC_BASE_URL")
    # fresh respondent tokens of the rating pages one client address may obtain per day (a
    # browser keeps its token in a cookie, so this counts browsers without one)
    rating_tokens_per_address_per_day: int = Field(
        default=50, ge=1, le=100_000, validation_alias="RATING_TOKENS_PER_ADDRESS_PER_DAY"
    )
    # signs respondent tokens and masks private answer links kept for idempotent replays; any
    # long random string. Outside production a fixed development secret stands in.
    public_pages_secret: SecretStr | None = Field(
        default=None, validation_alias="PUBLIC_PAGES_SECRET"
    )
    # fresh respondent tokens one client address may obtain per survey run and Moscow day
    survey_tokens_per_address_per_day: int = Field(
        default=3, ge=1, le=100_000, validation_alias="SURVEY_TOKENS_PER_ADDRESS_PER_DAY"
    )

    @property
    def webhooks_public_only(self) -> bool:
        if self.webhook_public_addresses_only is not None:
            return self.webhook_public_addresses_only
        return self.environment == "production"

    @field_validator("survey_link_template")
    @classmethod
    def _link_with_token(cls, value: str | None) -> str | None:
        if value is not None and (
            not value.startswith(("https://", "http://")) or "{token}" not in value
        ):
            raise ValueError("SURVEY_LINK_TEMPLATE must be an http(s) URL containing {token}")
        return value

    @model_validator(mode="after")
    def _real_secret_in_production(self) -> "FeedbackSettings":
        key = self.contacts_encryption_key
        if self.environment == "production" and (
            key is None or "REPLACE_ME" in key.get_secret_value()
        ):
            raise ValueError("CONTACTS_ENCRYPTION_KEY must be set to a real key in production")
        secret = self.public_pages_secret
        if self.environment == "production" and (
            secret is None
            or len(secret.get_secret_value()) < 32
            or any(mark in secret.get_secret_value() for mark in ("REPLACE_ME", "dev-only"))
        ):
            raise ValueError("PUBLIC_PAGES_SECRET must be set to a real secret in production")
        return self

    def pages_secret(self) -> bytes:
        if self.public_pages_secret is None:
            return DEVELOPMENT_PAGES_SECRET
        return self.public_pages_secret.get_secret_value().encode()
