import uuid
from typing import Annotated

from fastapi import Query, Request

from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from reporting_worker.config import ReportingSettings
from reporting_worker.dashboard import service
from reporting_worker.dashboard.schemas import Dashboard

router = api_router("dashboard", tag="dashboard")


@router.get(
    "",
    operation_id="get_dashboard",
    summary="The last 24 hours for real-time monitoring",
    responses=problem_responses(404, 422),
)
async def get_dashboard(
    request: Request,
    session: DbSession,
    principal: ReportsReader,
    agency_id: uuid.UUID | None = None,
    service_id: uuid.UUID | None = None,
    threshold_pp: Annotated[
        float | None, Query(gt=0, le=100, description="Alert drop, п.п. (default from settings)")
    ] = None,
    min_responses: Annotated[
        int | None, Query(ge=1, le=100_000, description="Responses an alert needs in both spans")
    ] = None,
) -> Dashboard:
    """Responses, CSAT and average of the last 24 hours by service, stage and channel, each
    against the 7 days before; alerts where CSAT fell more than the threshold on enough
    responses. An agency-bound key sees its own agency."""
    settings: ReportingSettings = request.app.state.settings
    return await service.dashboard(
        session,
        principal,
        agency_id=agency_id,
        service_id=service_id,
        threshold_pp=threshold_pp or settings.dashboard_alert_drop_pp,
        min_responses=min_responses or settings.dashboard_alert_min_responses,
    )
