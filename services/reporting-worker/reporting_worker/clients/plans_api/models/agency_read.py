from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agency_level import AgencyLevel

T = TypeVar("T", bound="AgencyRead")


@_attrs_define
class AgencyRead:
    """
    Attributes:
        id (UUID):
        name (str):
        short_name (None | str):
        level (AgencyLevel):
        parent_id (None | UUID):
        region_code (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    name: str
    short_name: None | str
    level: AgencyLevel
    parent_id: None | UUID
    region_code: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        short_name: None | str
        short_name = self.short_name

        level = self.level.value

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        region_code: None | str
        region_code = self.region_code

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "short_name": short_name,
                "level": level,
                "parent_id": parent_id,
                "region_code": region_code,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_short_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        short_name = _parse_short_name(d.pop("short_name"))

        level = AgencyLevel(d.pop("level"))

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        def _parse_region_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region_code = _parse_region_code(d.pop("region_code"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agency_read = cls(
            id=id,
            name=name,
            short_name=short_name,
            level=level,
            parent_id=parent_id,
            region_code=region_code,
            created_at=created_at,
            updated_at=updated_at,
        )

        agency_read.additional_properties = d
        return agency_read

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
