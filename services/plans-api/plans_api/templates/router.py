from typing import Annotated

from fastapi import Query

from otklik_kit.auth.dependencies import PlansReader
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from plans_api.templates.loader import get_template
from plans_api.templates.schemas import PlanTemplate

router = api_router("plan-templates", tag="plan templates")


@router.get(
    "/{code}",
    operation_id="get_plan_template",
    summary="Get a plan template as a tree",
    responses=problem_responses(404),
)
async def get_plan_template(
    principal: PlansReader,
    code: str,
    version: Annotated[int | None, Query(ge=1, description="Default: the newest")] = None,
) -> PlanTemplate:
    """The typical plan (`typical`): sections, groups and items with results and footnotes."""
    del principal
    return get_template(code, version)
