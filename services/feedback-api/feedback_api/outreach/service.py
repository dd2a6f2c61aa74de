"""Links, QR codes and posters of touchpoints' rating pages, from the catalog copy."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogTouchpoint
from feedback_api.outreach import repository
from feedback_api.outreach.poster import Poster
from feedback_api.outreach.schemas import PosterFilter
from feedback_api.pages.links import rating_path
from otklik_kit.auth.keys import Principal
from otklik_kit.errors import NotFound, UnprocessableEntity
from otklik_shared.vocab import Stage

# posters in one PDF; an agency with more prints them by direction, kind or service
MAX_POSTERS = 500


@dataclass(frozen=True, slots=True)
class RatingLink:
    url: str
    touchpoint: CatalogTouchpoint
    poster: Poster


async def _agency_name(session: AsyncSession, agency_id: uuid.UUID) -> str:
    agency = await repository.agency(session, agency_id)
    return (agency.short_name or agency.name) if agency else ""


async def rating_link(
    session: AsyncSession,
    principal: Principal,
    *,
    touchpoint_id: uuid.UUID,
    service_id: uuid.UUID | None,
    stage: Stage | None,
    base_url: str,
) -> RatingLink:
    """The absolute rating URL of a touchpoint the key sees, optionally preset to one of its
    services (and a stage of it)."""
    point = await repository.touchpoint(session, touchpoint_id)
    if point is None or not principal.sees_agency(point.agency_id):
        raise NotFound("No such touchpoint")
    service_title = None
    if service_id is not None:
        service = await repository.service(session, service_id)
        if service is None or service_id not in point.service_ids:
            raise UnprocessableEntity.for_field(
                "service_id", "Not a service of this touchpoint", location="query"
            )
        if stage is not None and service.stages and stage.value not in service.stages:
            raise UnprocessableEntity.for_field(
                "stage", "Not a stage of this service", location="query"
            )
        service_title = service.title
    url = base_url.rstrip("/") + rating_path(point.id, service_id=service_id, stage=stage)
    poster = Poster(
        agency=await _agency_name(session, point.agency_id),
        touchpoint=point.name,
        service=service_title,
        url=url,
    )
    return RatingLink(url=url, touchpoint=point, poster=poster)


async def agency_posters(
    session: AsyncSession, principal: Principal, where: PosterFilter, *, base_url: str
) -> tuple[CatalogAgency, list[Poster]]:
    """A poster for each of the agency's touchpoints the filter keeps (the key's own agency
    unless it may give `agency_id`)."""
    agency_id = where.agency_id or principal.agency_id
    if agency_id is None:
        raise UnprocessableEntity.for_field(
            "agency_id", "Posters are printed per agency", type_="missing", location="query"
        )
    agency = await repository.agency(session, agency_id)
    if agency is None or not principal.sees_agency(agency_id):
        raise NotFound("No such agency")
    points = await repository.touchpoints(session, agency_id, where, limit=MAX_POSTERS + 1)
    if not points:
        raise NotFound("No touchpoint of the agency matches the filters")
    if len(points) > MAX_POSTERS:
        raise UnprocessableEntity.for_field(
            "agency_id",
            f"More than {MAX_POSTERS} touchpoints match: print them by direction, kind or service",
            location="query",
        )
    name = agency.short_name or agency.name
    base = base_url.rstrip("/")
    posters = [
        Poster(agency=name, touchpoint=point.name, service=None, url=base + rating_path(point.id))
        for point in points
    ]
    return agency, posters
