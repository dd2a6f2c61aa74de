from fastapi import FastAPI

from otklik_kit.app import ServiceSpec, create_service_app
from plans_api.agencies.router import router as agencies_router
from plans_api.catalog.router import life_situations_router, services_router
from plans_api.checklists.router import router as checklists_router
from plans_api.checklists.router import service_checklists_router
from plans_api.config import PlansSettings
from plans_api.database import outbox
from plans_api.plans.progress_router import router as plans_progress_router
from plans_api.plans.router import agency_progress_router, checklist_plans_router
from plans_api.plans.router import router as plans_router
from plans_api.proposals.router import router as proposals_router
from plans_api.templates.router import router as templates_router
from plans_api.touchpoints.router import router as touchpoints_router
from plans_api.worker import WORKER

DESCRIPTION = """
Catalog of agencies and state services, the typical optimization plan template, self-check
checklists, plans generated from them and tracked to completion, and the touchpoint registry.

Authenticate with an API key: `Authorization: Bearer KEY` or `X-API-Key: KEY`.
Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "agencies", "description": "Federal, regional and municipal bodies"},
    {"name": "services", "description": "State services and the stages of their client path"},
    {"name": "life situations", "description": "Life situations that group services"},
    {"name": "plan templates", "description": "The typical optimization plan, versioned"},
    {"name": "checklists", "description": "Self-check checklists: yes / no / not applicable"},
    {"name": "plans", "description": "Departmental plans tracked to completion with evidence"},
    {
        "name": "touchpoints",
        "description": "The registry of touchpoints where clients meet an agency, per direction",
    },
    {
        "name": "proposals",
        "description": "Proposals made from citizens' feedback: accepted into plans or rejected",
    },
    {"name": "operations", "description": "Health, readiness and metrics"},
]


def create_app(settings: PlansSettings | None = None) -> FastAPI:
    spec = ServiceSpec(
        name="plans-api",
        title="Otklik plans-api",
        description=DESCRIPTION,
        version="1.0.0",
        routers=[
            agencies_router,
            services_router,
            life_situations_router,
            templates_router,
            service_checklists_router,
            checklists_router,
            checklist_plans_router,
            plans_router,
            agency_progress_router,
            plans_progress_router,
            touchpoints_router,
            proposals_router,
        ],
        tags=TAGS,
        outbox=outbox,
        worker=WORKER,
    )
    return create_service_app(spec, settings or PlansSettings())
