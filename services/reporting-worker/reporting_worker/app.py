from fastapi import FastAPI

from otklik_kit.app import ServiceSpec, create_service_app
from reporting_worker.aggregates.router import router as aggregates_router
from reporting_worker.classification.router import CLASSIFY_PATH, load_classifier
from reporting_worker.classification.router import router as classification_router
from reporting_worker.config import ReportingSettings
from reporting_worker.dashboard.page_router import page_router as dashboard_page
from reporting_worker.dashboard.page_router import router as dashboard_links_router
from reporting_worker.dashboard.router import router as dashboard_router
from reporting_worker.database import outbox
from reporting_worker.directory.router import router as directory_router
from reporting_worker.reports.export_router import router as report_export_router
from reporting_worker.reports.router import router as reports_router

DESCRIPTION = """
The reporting worker's API: monthly analytical reports with the pain map, live dashboards and
comment classification, built from the events of plans-api and feedback-api.

Authenticate with an API key: `Authorization: Bearer KEY` or `X-API-Key: KEY`.
Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "reports", "description": "Monthly analytical reports with the pain map"},
    {"name": "dashboard", "description": "Real-time monitoring of the last 24 hours"},
    {"name": "aggregates", "description": "What the live aggregates hold"},
    {"name": "classification", "description": "Pain categories and sentiment of comments"},
    {"name": "directory", "description": "The worker's copy of the catalog"},
    {"name": "operations", "description": "Health, readiness and metrics"},
]


def create_app(settings: ReportingSettings | None = None) -> FastAPI:
    spec = ServiceSpec(
        name="reporting-worker",
        title="Otklik reporting-worker",
        description=DESCRIPTION,
        version="1.0.0",
        routers=[
            reports_router,
            report_export_router,
            dashboard_router,
            dashboard_links_router,
            dashboard_page,
            aggregates_router,
            directory_router,
            classification_router,
        ],
        tags=TAGS,
        outbox=outbox,
        on_startup=[load_classifier],
        bulk_paths=frozenset({CLASSIFY_PATH}),
    )
    return create_service_app(spec, settings or ReportingSettings())
