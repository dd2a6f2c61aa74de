from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.client_need import ClientNeed
from ..models.direction import Direction
from ..models.touchpoint_kind import TouchpointKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TouchpointUpdate")


@_attrs_define
class TouchpointUpdate:
    """
    Attributes:
        kind (None | TouchpointKind | Unset):
        is_digital (bool | None | Unset):
        name (None | str | Unset):
        url (None | str | Unset):
        address (None | str | Unset):
        directions (list[Direction] | None | Unset):
        client_needs (list[ClientNeed] | None | Unset):
        collects_feedback (bool | None | Unset):
        feedback_channel (None | str | Unset):
        service_ids (list[UUID] | None | Unset):
    """

    kind: None | TouchpointKind | Unset = UNSET
    is_digital: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    directions: list[Direction] | None | Unset = UNSET
    client_needs: list[ClientNeed] | None | Unset = UNSET
    collects_feedback: bool | None | Unset = UNSET
    feedback_channel: None | str | Unset = UNSET
    service_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, TouchpointKind):
            kind = self.kind.value
        else:
            kind = self.kind

        is_digital: bool | None | Unset
        if isinstance(self.is_digital, Unset):
            is_digital = UNSET
        else:
            is_digital = self.is_digital

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        directions: list[str] | None | Unset
        if isinstance(self.directions, Unset):
            directions = UNSET
        elif isinstance(self.directions, list):
            directions = []
            for directions_type_0_item_data in self.directions:
                directions_type_0_item = directions_type_0_item_data.value
                directions.append(directions_type_0_item)

        else:
            directions = self.directions

        client_needs: list[str] | None | Unset
        if isinstance(self.client_needs, Unset):
            client_needs = UNSET
        elif isinstance(self.client_needs, list):
            client_needs = []
            for client_needs_type_0_item_data in self.client_needs:
                client_needs_type_0_item = client_needs_type_0_item_data.value
                client_needs.append(client_needs_type_0_item)

        else:
            client_needs = self.client_needs

        collects_feedback: bool | None | Unset
        if isinstance(self.collects_feedback, Unset):
            collects_feedback = UNSET
        else:
            collects_feedback = self.collects_feedback

        feedback_channel: None | str | Unset
        if isinstance(self.feedback_channel, Unset):
            feedback_channel = UNSET
        else:
            feedback_channel = self.feedback_channel

        service_ids: list[str] | None | Unset
        if isinstance(self.service_ids, Unset):
            service_ids = UNSET
        elif isinstance(self.service_ids, list):
            service_ids = []
            for service_ids_type_0_item_data in self.service_ids:
                service_ids_type_0_item = str(service_ids_type_0_item_data)
                service_ids.append(service_ids_type_0_item)

        else:
            service_ids = self.service_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if is_digital is not UNSET:
            field_dict["is_digital"] = is_digital
        if name is not UNSET:
            field_dict["name"] = name
        if url is not UNSET:
            field_dict["url"] = url
        if address is not UNSET:
            field_dict["address"] = address
        if directions is not UNSET:
            field_dict["directions"] = directions
        if client_needs is not UNSET:
            field_dict["client_needs"] = client_needs
        if collects_feedback is not UNSET:
            field_dict["collects_feedback"] = collects_feedback
        if feedback_channel is not UNSET:
            field_dict["feedback_channel"] = feedback_channel
        if service_ids is not UNSET:
            field_dict["service_ids"] = service_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_kind(data: object) -> None | TouchpointKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = TouchpointKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TouchpointKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_is_digital(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_digital = _parse_is_digital(d.pop("is_digital", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_directions(data: object) -> list[Direction] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                directions_type_0 = []
                _directions_type_0 = data
                for directions_type_0_item_data in _directions_type_0:
                    directions_type_0_item = Direction(directions_type_0_item_data)

                    directions_type_0.append(directions_type_0_item)

                return directions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Direction] | None | Unset, data)

        directions = _parse_directions(d.pop("directions", UNSET))

        def _parse_client_needs(data: object) -> list[ClientNeed] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                client_needs_type_0 = []
                _client_needs_type_0 = data
                for client_needs_type_0_item_data in _client_needs_type_0:
                    client_needs_type_0_item = ClientNeed(client_needs_type_0_item_data)

                    client_needs_type_0.append(client_needs_type_0_item)

                return client_needs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClientNeed] | None | Unset, data)

        client_needs = _parse_client_needs(d.pop("client_needs", UNSET))

        def _parse_collects_feedback(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        collects_feedback = _parse_collects_feedback(d.pop("collects_feedback", UNSET))

        def _parse_feedback_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feedback_channel = _parse_feedback_channel(d.pop("feedback_channel", UNSET))

        def _parse_service_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                service_ids_type_0 = []
                _service_ids_type_0 = data
                for service_ids_type_0_item_data in _service_ids_type_0:
                    service_ids_type_0_item = UUID(service_ids_type_0_item_data)

                    service_ids_type_0.append(service_ids_type_0_item)

                return service_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        service_ids = _parse_service_ids(d.pop("service_ids", UNSET))

        touchpoint_update = cls(
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
        )

        return touchpoint_update
