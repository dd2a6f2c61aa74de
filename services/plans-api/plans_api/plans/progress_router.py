"""Progress of many plans at once: what a monthly report of a service, an agency or a life
situation reads (the reporting worker calls it over this contract)."""

import uuid
from typing import Annotated

from fastapi import Query

from otklik_kit.auth.dependencies import PlansReader
from otklik_kit.db import DbSession
from otklik_kit.errors import UnprocessableEntity
from otklik_kit.problems import problem_responses
from otklik_kit.query_dates import QueryDate
from otklik_kit.routing import api_router
from otklik_shared.problem import FieldError
from plans_api.plans import repository
from plans_api.plans.schemas import PlansProgress
from plans_api.plans.status import today
from plans_api.plans.tracking import tracked_progress

router = api_router("plan-progress", tag="plans")
MAX_SERVICES = 500
MAX_PLANS = 5000
# neither parameter is required alone, but one of them is (an agency-bound key's agency counts)
ONE_OF_DOC = (
    "give agency_id, at least one service_id, or both; with neither, a key bound to an agency "
    "reads its own agency and any other key gets a 422 naming both"
)
MISSING_SCOPE = "Give agency_id or at least one service_id"


@router.get(
    "",
    operation_id="get_plans_progress",
    summary="Progress of the tracked plans of services or an agency",
    responses=problem_responses(422),
)
async def get_plans_progress(
    session: DbSession,
    principal: PlansReader,
    agency_id: Annotated[
        uuid.UUID | None, Query(description="The agency's plans; " + ONE_OF_DOC)
    ] = None,
    service_id: Annotated[
        list[uuid.UUID] | None,
        Query(
            max_length=MAX_SERVICES,
            description="These services' plans (repeat for several); " + ONE_OF_DOC,
        ),
    ] = None,
    as_of: Annotated[
        QueryDate | None,
        Query(
            description="The day (Moscow) to tell the progress as of, e.g. a report period's "
            "last day: the items as they stood at its end, overdue against it. Default and "
            "any later day: today",
            examples=["2026-08-31"],
        ),
    ] = None,
) -> PlansProgress:
    """Approved and completed plans of the given services (and/or agency): item counts by
    status, the overdue items with the deadline each missed and its executor, and the items
    done, with the day each was done and the stages it acts on; as of today or of a past day.
    An agency-bound key sees its own agency's plans only. One of `agency_id` and `service_id`
    is needed (a 422 names both when neither is given), unless the key is bound to an agency."""
    if agency_id is None and not service_id and principal.agency_id is None:
        raise UnprocessableEntity(
            "query.service_id, query.agency_id: " + MISSING_SCOPE,
            errors=[
                FieldError(location="query", field=name, message=MISSING_SCOPE, type="missing")
                for name in ("service_id", "agency_id")
            ],
        )
    visible, agency_id = principal.listing_agency(agency_id)
    current = today()
    day = min(as_of, current) if as_of is not None else current
    if not visible:
        return PlansProgress(as_of=day, plans=[])
    plans = await repository.tracked(
        session, agency_id=agency_id, service_ids=service_id or None, limit=MAX_PLANS
    )
    return PlansProgress(
        as_of=day, plans=await tracked_progress(session, plans, day, live=day == current)
    )
