from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactAccessRead")


@_attrs_define
class ContactAccessRead:
    """
    Attributes:
        feedback_id (UUID):
        action (str): read, erased (on request) or expired (retention)
        api_key_id (None | UUID):
        api_key_name (None | str):
        at (datetime.datetime):
    """

    feedback_id: UUID
    action: str
    api_key_id: None | UUID
    api_key_name: None | str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = str(self.feedback_id)

        action = self.action

        api_key_id: None | str
        if isinstance(self.api_key_id, UUID):
            api_key_id = str(self.api_key_id)
        else:
            api_key_id = self.api_key_id

        api_key_name: None | str
        api_key_name = self.api_key_name

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feedback_id": feedback_id,
                "action": action,
                "api_key_id": api_key_id,
                "api_key_name": api_key_name,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feedback_id = UUID(d.pop("feedback_id"))

        action = d.pop("action")

        def _parse_api_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                api_key_id_type_0 = UUID(data)

                return api_key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        api_key_id = _parse_api_key_id(d.pop("api_key_id"))

        def _parse_api_key_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        api_key_name = _parse_api_key_name(d.pop("api_key_name"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        contact_access_read = cls(
            feedback_id=feedback_id,
            action=action,
            api_key_id=api_key_id,
            api_key_name=api_key_name,
            at=at,
        )

        contact_access_read.additional_properties = d
        return contact_access_read

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
