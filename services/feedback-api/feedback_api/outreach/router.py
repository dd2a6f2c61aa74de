"""QR codes and printable posters of touchpoints' rating pages, for operators."""

import asyncio
import uuid
from typing import Annotated

from fastapi import Depends, Query, Request, Response

from feedback_api.config import FeedbackSettings
from feedback_api.outreach import poster, qr, service
from feedback_api.outreach.schemas import PosterFilter
from otklik_kit.auth.dependencies import require_any
from otklik_kit.auth.keys import Principal
from otklik_kit.auth.scopes import Scope
from otklik_kit.db import DbSession
from otklik_kit.pdf import PDF_MEDIA_TYPE
from otklik_kit.problems import problem_responses
from otklik_kit.routing import api_router, content_disposition, file_response
from otklik_shared.vocab import Direction, Stage
from otklik_shared.vocab_touchpoints import TouchpointKind

router = api_router("outreach", tag="outreach")

# whoever reads the touchpoint registry (plans) or the agency's feedback may print its posters
OutreachReader = Annotated[Principal, Depends(require_any(Scope.PLANS_READ, Scope.FEEDBACK_READ))]
ServiceId = Annotated[
    uuid.UUID | None, Query(description="Preset the rating page to this service of the touchpoint")
]
StageQuery = Annotated[Stage | None, Query(description="Preset the rating page to this stage")]
Scale = Annotated[int, Query(ge=2, le=40, description="Pixels per QR module")]


def public_base_url(request: Request) -> str:
    """Where citizens reach the rating pages: PUBLIC_BASE_URL, else the address asked."""
    settings: FeedbackSettings = request.app.state.settings
    return settings.public_base_url or str(request.base_url)


BaseUrl = Annotated[str, Depends(public_base_url)]


def poster_filter(
    agency_id: Annotated[
        uuid.UUID | None, Query(description="The agency (an agency-bound key: its own)")
    ] = None,
    direction: Annotated[Direction | None, Query(description="Serves this direction")] = None,
    kind: TouchpointKind | None = None,
    service_id: Annotated[uuid.UUID | None, Query(description="Linked to this service")] = None,
) -> PosterFilter:
    return PosterFilter(agency_id, direction, kind, service_id)


async def _link(
    session: DbSession,
    principal: OutreachReader,
    base_url: BaseUrl,
    touchpoint_id: uuid.UUID,
    service_id: ServiceId = None,
    stage: StageQuery = None,
) -> service.RatingLink:
    return await service.rating_link(
        session,
        principal,
        touchpoint_id=touchpoint_id,
        service_id=service_id,
        stage=stage,
        base_url=base_url,
    )


Link = Annotated[service.RatingLink, Depends(_link)]
ERRORS = problem_responses(404, 422)


@router.get(
    "/touchpoints/{touchpoint_id}/qr.svg",
    operation_id="get_touchpoint_qr_svg",
    summary="QR code of a touchpoint's rating page (SVG)",
    response_class=Response,
    responses={**file_response("The QR code as SVG", qr.SVG_MEDIA_TYPE), **ERRORS},
)
async def get_touchpoint_qr_svg(link: Link) -> Response:
    """The absolute rating URL (`PUBLIC_BASE_URL` + `/r/{code}`) as a scalable QR code."""
    content = qr.qr_svg(link.url, title=f"Оценить: {link.touchpoint.name}")
    disposition = content_disposition(f"qr-{link.touchpoint.id}.svg", inline=True)
    return Response(
        content, media_type=qr.SVG_MEDIA_TYPE, headers={"Content-Disposition": disposition}
    )


@router.get(
    "/touchpoints/{touchpoint_id}/qr.png",
    operation_id="get_touchpoint_qr_png",
    summary="QR code of a touchpoint's rating page (PNG)",
    response_class=Response,
    responses={**file_response("The QR code as PNG", qr.PNG_MEDIA_TYPE), **ERRORS},
)
async def get_touchpoint_qr_png(link: Link, scale: Scale = 10) -> Response:
    """The same code as a bitmap, `scale` pixels per module, with the quiet zone."""
    disposition = content_disposition(f"qr-{link.touchpoint.id}.png", inline=True)
    return Response(
        qr.qr_png(link.url, scale=scale),
        media_type=qr.PNG_MEDIA_TYPE,
        headers={"Content-Disposition": disposition},
    )


@router.get(
    "/touchpoints/{touchpoint_id}/poster.pdf",
    operation_id="get_touchpoint_poster",
    summary="Printable A4 poster of a touchpoint",
    response_class=Response,
    responses={**file_response("One A4 page", PDF_MEDIA_TYPE), **ERRORS},
)
async def get_touchpoint_poster(link: Link) -> Response:
    """A call to rate, the agency, the touchpoint (and the preset service), the QR code large
    enough to scan from a metre and the short address under it."""
    content = await asyncio.to_thread(
        poster.posters_pdf, [link.poster], title=f"Плакат: {link.touchpoint.name}"
    )
    return Response(
        content,
        media_type=PDF_MEDIA_TYPE,
        headers={"Content-Disposition": content_disposition("плакат.pdf", inline=True)},
    )


@router.get(
    "/posters.pdf",
    operation_id="get_agency_posters",
    summary="Printable posters of an agency's touchpoints",
    response_class=Response,
    responses={**file_response("One A4 page per touchpoint", PDF_MEDIA_TYPE), **ERRORS},
)
async def get_agency_posters(
    session: DbSession,
    principal: OutreachReader,
    base_url: BaseUrl,
    where: Annotated[PosterFilter, Depends(poster_filter)],
) -> Response:
    """A poster for each touchpoint of the agency, by name, filtered like the registry."""
    agency, posters = await service.agency_posters(session, principal, where, base_url=base_url)
    content = await asyncio.to_thread(
        poster.posters_pdf, posters, title=f"Плакаты: {agency.short_name or agency.name}"
    )
    return Response(
        content,
        media_type=PDF_MEDIA_TYPE,
        headers={"Content-Disposition": content_disposition("плакаты.pdf", inline=True)},
    )
