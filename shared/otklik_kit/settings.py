"""Settings from the environment: the one loader every service and command uses."""

from typing import Literal, Self

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The embedded servers of `make run`, so the CLI finds them with no configuration.
DEFAULT_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:55432/otklik"
DEFAULT_REDIS_URL = "redis://127.0.0.1:56379/0"


def normalize_database_url(url: str) -> str:
    """Accept plain `postgresql://` URLs (as ops tooling writes them) and use asyncpg."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


class KitSettings(BaseSettings):
    """What every service shares. Each service subclasses it with its own fields."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    environment: Literal["development", "test", "production"] = Field(
        default="development", validation_alias="OTKLIK_ENV"
    )
    database_url: str = Field(default=DEFAULT_DATABASE_URL, validation_alias="DATABASE_URL")
    redis_url: str = Field(default=DEFAULT_REDIS_URL, validation_alias="REDIS_URL")
    log_level: str = Field(default="INFO", validation_alias="LOG_LEVEL")
    host: str = Field(default="127.0.0.1", validation_alias="HOST")
    db_pool_size: int = Field(default=10, ge=1, validation_alias="DB_POOL_SIZE")
    max_body_bytes: int = Field(default=1_048_576, ge=1024, validation_alias="MAX_BODY_BYTES")
    max_upload_bytes: int = Field(default=10_485_760, ge=1024, validation_alias="MAX_UPLOAD_BYTES")
    api_key_cache_seconds: float = Field(
        default=10.0, ge=0, validation_alias="API_KEY_CACHE_SECONDS"
    )
    # allocations between two passes over the young generation (runtime.settle_heap)
    gc_young_threshold: int = Field(default=20_000, ge=100, validation_alias="GC_YOUNG_THRESHOLD")
    outbox_relay_enabled: bool = Field(default=True, validation_alias="OUTBOX_RELAY_ENABLED")
    outbox_poll_seconds: float = Field(default=0.1, gt=0, validation_alias="OUTBOX_POLL_SECONDS")
    outbox_sweep_seconds: float = Field(default=30.0, gt=0, validation_alias="OUTBOX_SWEEP_SECONDS")
    outbox_stale_seconds: float = Field(default=60.0, gt=0, validation_alias="OUTBOX_STALE_SECONDS")
    # per API key and process; 0 turns the limit off
    rate_limit_per_second: float = Field(
        default=500, ge=0, validation_alias="RATE_LIMIT_PER_SECOND"
    )
    rate_limit_burst: int = Field(default=1000, ge=1, validation_alias="RATE_LIMIT_BURST")
    # the proxies (IPs, CIDR networks, comma-separated; `*` any) whose X-Forwarded-For and
    # X-Forwarded-Proto are believed, as uvicorn's --forwarded-allow-ips; empty: none, so the
    # per-address limits count the connecting peer
    forwarded_allow_ips: str = Field(default="", validation_alias="FORWARDED_ALLOW_IPS")
    # operators' bearer JWTs from the agency's OIDC provider (off unless issuer and JWKS are set)
    oidc_issuer: str | None = Field(default=None, validation_alias="OIDC_ISSUER")
    oidc_jwks_url: str | None = Field(default=None, validation_alias="OIDC_JWKS_URL")
    oidc_audience: str = Field(default="otklik", validation_alias="OIDC_AUDIENCE")
    oidc_scopes_claim: str = Field(default="scope", validation_alias="OIDC_SCOPES_CLAIM")
    oidc_agency_claim: str = Field(default="agency_id", validation_alias="OIDC_AGENCY_CLAIM")
    # plans-api and feedback-api consume their event queues in-process unless this is off
    # (then run `otklik worker <service>` beside them)
    embedded_worker_enabled: bool = Field(default=True, validation_alias="EMBEDDED_WORKER_ENABLED")
    worker_max_jobs: int = Field(default=20, ge=1, validation_alias="WORKER_MAX_JOBS")
    worker_poll_seconds: float = Field(default=0.05, gt=0, validation_alias="WORKER_POLL_SECONDS")
    # time limit of one batch of events (over it, the batch is retried)
    events_job_timeout_seconds: float = Field(
        default=60.0, ge=1, validation_alias="EVENTS_JOB_TIMEOUT_SECONDS"
    )
    # a job is taken for this long, renewed while it runs: a killed worker's jobs run again
    # (elsewhere or after a restart) once it lapses
    job_lease_seconds: float = Field(default=30.0, ge=1, validation_alias="JOB_LEASE_SECONDS")
    # test hook, off (0) by default and refused in production: the relay waits this long between
    # handing a batch to Redis and marking it sent, so a fault test can kill it in that window
    test_hook_relay_pause_after_enqueue: float = Field(
        default=0, ge=0, validation_alias="TEST_HOOK_RELAY_PAUSE_AFTER_ENQUEUE"
    )

    @field_validator("database_url")
    @classmethod
    def _asyncpg_driver(cls, value: str) -> str:
        return normalize_database_url(value)

    @model_validator(mode="after")
    def _no_test_hooks_in_production(self) -> Self:
        if self.environment == "production" and self.test_hook_relay_pause_after_enqueue:
            raise ValueError("TEST_HOOK_RELAY_PAUSE_AFTER_ENQUEUE is a test hook: unset it")
        return self
