"""The services of Otklik as the commands see them: where each app, settings and schema live."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MigrationTree:
    schema: str
    script_location: str  # alembic "package:folder"


@dataclass(frozen=True, slots=True)
class ServiceEntry:
    name: str
    app_factory: str  # "module:function", called with the service's settings
    settings: str  # "module:Class"
    migrations: MigrationTree
    worker: str | None = None  # "module:WORKER_SPEC" of the service's arq worker


AUTH_MIGRATIONS = MigrationTree(schema="auth", script_location="otklik_kit.auth:migrations")

SERVICES: dict[str, ServiceEntry] = {
    "plans-api": ServiceEntry(
        name="plans-api",
        app_factory="plans_api.app:create_app",
        settings="plans_api.config:PlansSettings",
        migrations=MigrationTree(schema="plans", script_location="plans_api:migrations"),
        worker="plans_api.worker:WORKER",
    ),
    "feedback-api": ServiceEntry(
        name="feedback-api",
        app_factory="feedback_api.app:create_app",
        settings="feedback_api.config:FeedbackSettings",
        migrations=MigrationTree(schema="feedback", script_location="feedback_api:migrations"),
        worker="feedback_api.worker:WORKER",
    ),
    "reporting-worker": ServiceEntry(
        name="reporting-worker",
        app_factory="reporting_worker.app:create_app",
        settings="reporting_worker.config:ReportingSettings",
        migrations=MigrationTree(schema="reporting", script_location="reporting_worker:migrations"),
        worker="reporting_worker.worker:WORKER",
    ),
}

ALL_MIGRATIONS: tuple[MigrationTree, ...] = (
    AUTH_MIGRATIONS,
    *(entry.migrations for entry in SERVICES.values()),
)
