"""The rules every touchpoint keeps, checked on create and on update."""

import uuid
from collections.abc import Sequence

from otklik_kit.errors import UnprocessableEntity
from otklik_shared.vocab_touchpoints import TOUCHPOINT_KIND_IS_DIGITAL, TouchpointKind
from plans_api.touchpoints.models import Touchpoint


def resolve_is_digital(kind: TouchpointKind, given: bool | None) -> bool:
    """Kinds the document places (a site is digital, an MFC offline) decide it themselves."""
    decided = TOUCHPOINT_KIND_IS_DIGITAL[kind]
    if given is None:
        if decided is None:
            raise UnprocessableEntity.for_field(
                "is_digital", f"Say whether this {kind} is digital or offline", type_="missing"
            )
        return decided
    if decided is not None and given != decided:
        where = "digital" if decided else "offline"
        raise UnprocessableEntity.for_field(
            "is_digital", f"A touchpoint of kind {kind} is {where}", type_="kind_mismatch"
        )
    return given


def check_location(touchpoint: Touchpoint) -> None:
    if touchpoint.is_digital and not touchpoint.url:
        raise UnprocessableEntity.for_field(
            "url", "A digital touchpoint needs its URL", type_="missing"
        )
    if not touchpoint.is_digital and not touchpoint.address:
        raise UnprocessableEntity.for_field(
            "address", "An offline touchpoint needs its address", type_="missing"
        )


def check_directions(touchpoint: Touchpoint, service_ids: Sequence[uuid.UUID] | None) -> None:
    """A touchpoint serves the direction of every service it is linked to (seed 003, 3.5)."""
    for service in touchpoint.services:
        if service.direction in touchpoint.directions:
            continue
        field = f"service_ids.{service_ids.index(service.id)}" if service_ids else "directions"
        raise UnprocessableEntity.for_field(
            field,
            f"Service {service.id} is of direction {service.direction},"
            " which is not among the touchpoint's directions",
            type_="direction_mismatch",
        )
