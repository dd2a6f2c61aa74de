import uuid
from typing import Annotated

from fastapi import Query

from otklik_kit.auth.dependencies import ReportsReader
from otklik_kit.db import DbSession
from otklik_kit.errors import NotFound, UnprocessableEntity
from otklik_kit.problems import problem_responses
from otklik_kit.query_dates import QueryDate
from otklik_kit.routing import api_router
from reporting_worker.aggregates import repository
from reporting_worker.aggregates.schemas import AggregateTotals

router = api_router("aggregates", tag="aggregates")

AgencyIds = Annotated[
    list[uuid.UUID] | None,
    Query(alias="agency_id", max_length=100, description="Repeat for several agencies"),
]
Day = Annotated[QueryDate | None, Query(description="Moscow day of the interaction, inclusive")]


@router.get(
    "/totals",
    operation_id="get_aggregate_totals",
    summary="How much feedback the aggregates hold",
    responses=problem_responses(404, 422),
)
async def get_aggregate_totals(
    session: DbSession,
    principal: ReportsReader,
    agency_ids: AgencyIds = None,
    first_day: Day = None,
    last_day: Day = None,
) -> AggregateTotals:
    """Feedback and comments counted so far for the agencies and days: whether a load, an import
    or a rebuild has been counted yet (reports read the same aggregates)."""
    if first_day is not None and last_day is not None and last_day < first_day:
        raise UnprocessableEntity.for_field(
            "last_day", "last_day is before first_day", location="query", type_="range"
        )
    wanted = agency_ids or []
    if principal.agency_id is not None:
        # a key bound to an agency sees its own agency only, like every listing
        if unseen := [a for a in wanted if a != principal.agency_id]:
            raise NotFound(f"Agency {unseen[0]} not found")
        wanted = [principal.agency_id]
    feedback, comments = await repository.totals(
        session, agency_ids=wanted, first_day=first_day, last_day=last_day
    )
    return AggregateTotals(
        first_day=first_day,
        last_day=last_day,
        agency_ids=wanted,
        feedback=feedback,
        comments=comments,
    )
