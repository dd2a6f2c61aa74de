from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.client_need import ClientNeed
from ..models.direction import Direction
from ..models.touchpoint_kind import TouchpointKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchpointCreate")


@_attrs_define
class TouchpointCreate:
    """
    Attributes:
        agency_id (UUID):
        kind (TouchpointKind): Kinds of touchpoints named in point 2.5, in the document's order.
        name (str):
        directions (list[Direction]):
        client_needs (list[ClientNeed]):
        collects_feedback (bool):
        is_digital (bool | None | Unset): Omit when the kind decides it; required for kinds that may be either
        url (None | str | Unset): Required for a digital touchpoint
        address (None | str | Unset): Required for an offline touchpoint (for a call centre: its phone number)
        feedback_channel (None | str | Unset):
        service_ids (list[UUID] | Unset): Services and functions of the same agency served here
    """

    agency_id: UUID
    kind: TouchpointKind
    name: str
    directions: list[Direction]
    client_needs: list[ClientNeed]
    collects_feedback: bool
    is_digital: bool | None | Unset = UNSET
    url: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    feedback_channel: None | str | Unset = UNSET
    service_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency_id = str(self.agency_id)

        kind = self.kind.value

        name = self.name

        directions = []
        for directions_item_data in self.directions:
            directions_item = directions_item_data.value
            directions.append(directions_item)

        client_needs = []
        for client_needs_item_data in self.client_needs:
            client_needs_item = client_needs_item_data.value
            client_needs.append(client_needs_item)

        collects_feedback = self.collects_feedback

        is_digital: bool | None | Unset
        if isinstance(self.is_digital, Unset):
            is_digital = UNSET
        else:
            is_digital = self.is_digital

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        feedback_channel: None | str | Unset
        if isinstance(self.feedback_channel, Unset):
            feedback_channel = UNSET
        else:
            feedback_channel = self.feedback_channel

        service_ids: list[str] | Unset = UNSET
        if not isinstance(self.service_ids, Unset):
            service_ids = []
            for service_ids_item_data in self.service_ids:
                service_ids_item = str(service_ids_item_data)
                service_ids.append(service_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency_id": agency_id,
                "kind": kind,
                "name": name,
                "directions": directions,
                "client_needs": client_needs,
                "collects_feedback": collects_feedback,
            }
        )
        if is_digital is not UNSET:
            field_dict["is_digital"] = is_digital
        if url is not UNSET:
            field_dict["url"] = url
        if address is not UNSET:
            field_dict["address"] = address
        if feedback_channel is not UNSET:
            field_dict["feedback_channel"] = feedback_channel
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_id = UUID(d.pop("agency_id"))

        kind = TouchpointKind(d.pop("kind"))

        name = d.pop("name")

        directions = []
        _directions = d.pop("directions")
        for directions_item_data in _directions:
            directions_item = Direction(directions_item_data)

            directions.append(directions_item)

        client_needs = []
        _client_needs = d.pop("client_needs")
        for client_needs_item_data in _client_needs:
            client_needs_item = ClientNeed(client_needs_item_data)

            client_needs.append(client_needs_item)

        collects_feedback = d.pop("collects_feedback")

        def _parse_is_digital(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_digital = _parse_is_digital(d.pop("is_digital", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_feedback_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feedback_channel = _parse_feedback_channel(d.pop("feedback_channel", UNSET))

        _service_ids = d.pop("service_ids", UNSET)
        service_ids: list[UUID] | Unset = UNSET
        if _service_ids is not UNSET:
            service_ids = []
            for service_ids_item_data in _service_ids:
                service_ids_item = UUID(service_ids_item_data)

                service_ids.append(service_ids_item)

        touchpoint_create = cls(
            agency_id=agency_id,
            kind=kind,
            name=name,
            directions=directions,
            client_needs=client_needs,
            collects_feedback=collects_feedback,
            is_digital=is_digital,
            url=url,
            address=address,
            feedback_channel=feedback_channel,
            service_ids=service_ids,
        )

        return touchpoint_create
