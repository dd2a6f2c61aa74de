"""Progress of many plans at once: what a monthly report of a service, an agency or a life
situation reads (the reporting worker calls it over this contract)."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import Query

from otklik_kit.auth.dependencies import PlansReader
from otklik_kit.db import DbSession
from otklik_kit.errors import UnprocessableEntity
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router
from plans_api.plans import repository
from plans_api.plans.schemas import PlansProgress
from plans_api.plans.status import today
from plans_api.plans.tracking import tracked_progress

router = api_router("plan-progress", tag="plans")
MAX_SERVICES = 500
MAX_PLANS = 5000


@router.get(
    "",
    operation_id="get_plans_progress",
    summary="Progress of the tracked plans of services or an agency",
    responses=problem_responses(422),
)
async def get_plans_progress(
    session: DbSession,
    principal: PlansReader,
    agency_id: uuid.UUID | None = None,
    service_id: Annotated[
        list[uuid.UUID] | None,
        Query(max_length=MAX_SERVICES, description="Repeat for several services"),
    ] = None,
    as_of: Annotated[
        date | None,
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
    An agency-bound key sees its own agency's plans only."""
    if agency_id is None and not service_id and principal.agency_id is None:
        raise UnprocessableEntity.for_field(
            "service_id", "Give agency_id or at least one service_id", location="query"
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
