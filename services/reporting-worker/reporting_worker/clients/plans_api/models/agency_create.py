from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agency_level import AgencyLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgencyCreate")


@_attrs_define
class AgencyCreate:
    """
    Attributes:
        name (str):
        level (AgencyLevel):
        short_name (None | str | Unset):
        parent_id (None | Unset | UUID): The superior body, e.g. the ministry above a municipality
        region_code (None | str | Unset):
    """

    name: str
    level: AgencyLevel
    short_name: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    region_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        level = self.level.value

        short_name: None | str | Unset
        if isinstance(self.short_name, Unset):
            short_name = UNSET
        else:
            short_name = self.short_name

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "level": level,
            }
        )
        if short_name is not UNSET:
            field_dict["short_name"] = short_name
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        level = AgencyLevel(d.pop("level"))

        def _parse_short_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        short_name = _parse_short_name(d.pop("short_name", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        agency_create = cls(
            name=name,
            level=level,
            short_name=short_name,
            parent_id=parent_id,
            region_code=region_code,
        )

        return agency_create
