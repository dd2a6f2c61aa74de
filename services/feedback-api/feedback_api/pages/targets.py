"""What a rating page is about: the touchpoint behind its short link, its agency, the services
served there (one preset by `?s=`), the stage (preset by `?stage=`) and the channel."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.catalog.models import CatalogAgency, CatalogService, CatalogTouchpoint
from feedback_api.pages import repository
from feedback_api.pages.links import from_short_code, short_code
from otklik_kit.errors import NotFound
from otklik_shared.vocab import STAGE_LABELS, Channel, Stage
from otklik_shared.vocab_touchpoints import TouchpointKind

# kinds that are a channel themselves; the rest are offline or digital points of the agency
KIND_CHANNELS = {
    TouchpointKind.OFFICIAL_SITE: Channel.OFFICIAL_SITE,
    TouchpointKind.MOBILE_APP: Channel.MOBILE_APP,
    TouchpointKind.SOCIAL_NETWORK: Channel.SOCIAL_NETWORK,
    TouchpointKind.MESSENGER: Channel.MESSENGER,
    TouchpointKind.CHAT_BOT: Channel.CHAT_BOT,
    TouchpointKind.VOICE_ASSISTANT: Channel.VOICE_ASSISTANT,
    TouchpointKind.CONTACT_CENTER: Channel.CONTACT_CENTER,
    TouchpointKind.AGENCY_OFFICE: Channel.AGENCY_OFFICE,
    TouchpointKind.ONE_STOP_CENTER: Channel.MFC,
}


def touchpoint_channel(kind: str, is_digital: bool) -> Channel:
    try:
        return KIND_CHANNELS[TouchpointKind(kind)]
    except (ValueError, KeyError):
        return Channel.OFFICIAL_SITE if is_digital else Channel.AGENCY_OFFICE


@dataclass(frozen=True, slots=True)
class ServiceChoice:
    id: uuid.UUID
    code: str
    title: str
    stages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RatingTarget:
    code: str
    touchpoint: CatalogTouchpoint
    agency: CatalogAgency
    services: tuple[ServiceChoice, ...]
    stage: Stage | None
    channel: Channel

    def service(self, code: str | None) -> ServiceChoice | None:
        return next((s for s in self.services if s.code == code), None)

    def stage_choices(self) -> list[tuple[str, str]]:
        offered = {stage for service in self.services for stage in service.stages}
        return [(s.value, STAGE_LABELS[s]) for s in Stage if s.value in offered]


def _choice(service: CatalogService) -> ServiceChoice:
    return ServiceChoice(service.id, short_code(service.id), service.title, tuple(service.stages))


async def rating_target(
    session: AsyncSession, code: str, *, service_code: str | None, stage: str | None
) -> RatingTarget:
    """404 for a code of no live touchpoint; an unknown preset service or stage is ignored
    (a poster outlives a service's stage) and the citizen chooses."""
    touchpoint_id = from_short_code(code)
    touchpoint = await repository.touchpoint(session, touchpoint_id) if touchpoint_id else None
    agency = await repository.agency(session, touchpoint.agency_id) if touchpoint else None
    if touchpoint is None or touchpoint.deleted or agency is None:
        raise NotFound("No rating page at this link")
    services = [
        _choice(s)
        for s in await repository.services(session, touchpoint.service_ids)
        if not s.retired and s.agency_id == agency.id
    ]
    preset = next((s for s in services if s.code == service_code), None)
    if preset is not None:
        services = [preset]
    preset_stage = None
    if stage in {s.value for s in Stage} and all(stage in s.stages for s in services):
        preset_stage = Stage(stage)
    return RatingTarget(
        code=short_code(touchpoint.id),
        touchpoint=touchpoint,
        agency=agency,
        services=tuple(services),
        stage=preset_stage if services else None,
        channel=touchpoint_channel(touchpoint.kind, touchpoint.is_digital),
    )
