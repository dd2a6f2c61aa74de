"""Request bodies of the catalog: life situations, agencies, services, and each agency's
touchpoint registry (seed 003): its sites and portals, call centre, reception, MFC offices."""

from collections.abc import Mapping
from typing import Any

from otklik_kit.demo.region import (
    AgencySpec,
    LifeSituationSpec,
    Region,
    ServiceSpec,
    TouchpointSpec,
)
from otklik_shared.vocab import Channel
from otklik_shared.vocab_touchpoints import ClientNeed, TouchpointKind

N = ClientNeed
PATH_NEEDS = [N.INFORMATION, N.CONSULTATION, N.SUBMISSION, N.STATUS, N.RESULT, N.FEEDBACK]


def life_situation_body(situation: LifeSituationSpec) -> dict[str, Any]:
    return situation.model_dump(mode="json")


def agency_body(region: Region, agency: AgencySpec) -> dict[str, Any]:
    return {
        "name": agency.name,
        "short_name": agency.short_name,
        "level": agency.level.value,
        "region_code": region.region_code,
    }


def service_body(
    agency_id: str, service: ServiceSpec, situation_ids: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "agency_id": agency_id,
        "title": service.title,
        "register_number": service.register_number,
        "direction": service.direction.value,
        "stages": [stage.value for stage in service.stages],
        "life_situation_ids": [situation_ids[code] for code in service.life_situations],
    }


def touchpoints(region: Region, agency: AgencySpec) -> list[TouchpointSpec]:
    """The agency's registry: what every agency has, then its own extra points."""
    site = f"https://{agency.domain}/"
    points = [
        TouchpointSpec(
            kind=TouchpointKind.OFFICIAL_SITE,
            name=f"Официальный сайт: {agency.short_name}",
            url=site,
            needs=[N.INFORMATION, N.FORMS, N.FEEDBACK, N.FEEDBACK_RESULT],
            channels=[Channel.OFFICIAL_SITE],
        ),
        TouchpointSpec(
            kind=TouchpointKind.OFFICIAL_SITE,
            name="Единый портал государственных услуг (ЕПГУ)",
            url="https://www.gosuslugi.ru/",
            needs=[N.INFORMATION, N.SUBMISSION, N.STATUS, N.RESULT, N.FEEDBACK],
            channels=[Channel.EPGU],
        ),
        TouchpointSpec(
            kind=TouchpointKind.OFFICIAL_SITE,
            name=f"Региональный портал государственных услуг: {region.name}",
            url=region.regional_portal,
            needs=[N.INFORMATION, N.FORMS, N.SUBMISSION, N.STATUS, N.FEEDBACK],
            channels=[Channel.REGIONAL_PORTAL],
        ),
        TouchpointSpec(
            kind=TouchpointKind.CONTACT_CENTER,
            is_digital=False,
            name=f"Горячая линия: {agency.short_name}",
            address=agency.contact_center,
            needs=[N.INFORMATION, N.CONSULTATION, N.STATUS, N.FEEDBACK],
            channels=[Channel.CONTACT_CENTER],
        ),
    ]
    if agency.office:
        points.append(
            TouchpointSpec(
                kind=TouchpointKind.AGENCY_OFFICE,
                name=f"Прием заявителей: {agency.short_name}",
                address=agency.office,
                needs=PATH_NEEDS,
                channels=[Channel.AGENCY_OFFICE],
            )
        )
    if agency.mfc:
        points += [
            TouchpointSpec(
                kind=TouchpointKind.ONE_STOP_CENTER,
                name=office.name,
                address=office.address,
                needs=PATH_NEEDS,
                channels=[Channel.MFC, Channel.TERMINAL],
            )
            for office in region.mfc_offices
        ]
    return [*points, *agency.extra_touchpoints]


def touchpoint_body(
    point: TouchpointSpec, agency_id: str, services: Mapping[str, ServiceSpec]
) -> dict[str, Any]:
    """Linked to every service of the agency: each point serves the whole path."""
    directions = sorted({s.direction.value for s in services.values()})
    return {
        "agency_id": agency_id,
        "kind": point.kind.value,
        "is_digital": point.is_digital,
        "name": point.name,
        "url": point.url,
        "address": point.address,
        "directions": directions,
        "client_needs": [need.value for need in point.needs],
        "collects_feedback": True,
        "feedback_channel": _feedback_channel(point),
        "service_ids": list(services),
    }


def _feedback_channel(point: TouchpointSpec) -> str:
    if point.kind == TouchpointKind.ONE_STOP_CENTER:
        return "Терминал оценки качества в зале ожидания и QR-код на окнах приема"
    if point.kind == TouchpointKind.CONTACT_CENTER:
        return "Оценка консультации в конце звонка (тональный набор 1–5)"
    if point.url:
        return "Форма оценки после получения услуги и в личном кабинете"
    return "QR-код на стойке приема и анкета на бумаге"
