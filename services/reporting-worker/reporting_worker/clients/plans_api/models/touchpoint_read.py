from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_need import ClientNeed
from ..models.direction import Direction
from ..models.touchpoint_kind import TouchpointKind

T = TypeVar("T", bound="TouchpointRead")


@_attrs_define
class TouchpointRead:
    """
    Attributes:
        id (UUID):
        agency_id (UUID):
        kind (TouchpointKind): Kinds of touchpoints named in point 2.5, in the document's order.
        is_digital (bool):
        name (str):
        url (None | str):
        address (None | str):
        directions (list[Direction]):
        client_needs (list[ClientNeed]):
        collects_feedback (bool):
        feedback_channel (None | str):
        service_ids (list[UUID]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str):
        client_need_labels (list[str]):
    """

    id: UUID
    agency_id: UUID
    kind: TouchpointKind
    is_digital: bool
    name: str
    url: None | str
    address: None | str
    directions: list[Direction]
    client_needs: list[ClientNeed]
    collects_feedback: bool
    feedback_channel: None | str
    service_ids: list[UUID]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    client_need_labels: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id = str(self.agency_id)

        kind = self.kind.value

        is_digital = self.is_digital

        name = self.name

        url: None | str
        url = self.url

        address: None | str
        address = self.address

        directions = []
        for directions_item_data in self.directions:
            directions_item = directions_item_data.value
            directions.append(directions_item)

        client_needs = []
        for client_needs_item_data in self.client_needs:
            client_needs_item = client_needs_item_data.value
            client_needs.append(client_needs_item)

        collects_feedback = self.collects_feedback

        feedback_channel: None | str
        feedback_channel = self.feedback_channel

        service_ids = []
        for service_ids_item_data in self.service_ids:
            service_ids_item = str(service_ids_item_data)
            service_ids.append(service_ids_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        client_need_labels = self.client_need_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "kind": kind,
                "is_digital": is_digital,
                "name": name,
                "url": url,
                "address": address,
                "directions": directions,
                "client_needs": client_needs,
                "collects_feedback": collects_feedback,
                "feedback_channel": feedback_channel,
                "service_ids": service_ids,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
                "client_need_labels": client_need_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        agency_id = UUID(d.pop("agency_id"))

        kind = TouchpointKind(d.pop("kind"))

        is_digital = d.pop("is_digital")

        name = d.pop("name")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

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

        def _parse_feedback_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        feedback_channel = _parse_feedback_channel(d.pop("feedback_channel"))

        service_ids = []
        _service_ids = d.pop("service_ids")
        for service_ids_item_data in _service_ids:
            service_ids_item = UUID(service_ids_item_data)

            service_ids.append(service_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        client_need_labels = cast(list[str], d.pop("client_need_labels"))

        touchpoint_read = cls(
            id=id,
            agency_id=agency_id,
            kind=kind,
            is_digital=is_digital,
            name=name,
            url=url,
            address=address,
            directions=directions,
            client_needs=client_needs,
            collects_feedback=collects_feedback,
            feedback_channel=feedback_channel,
            service_ids=service_ids,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
            client_need_labels=client_need_labels,
        )

        touchpoint_read.additional_properties = d
        return touchpoint_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
