from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..models.internal_subkind import InternalSubkind
from ..models.stage import Stage

if TYPE_CHECKING:
    from ..models.life_situation_ref import LifeSituationRef


T = TypeVar("T", bound="ServiceRead")


@_attrs_define
class ServiceRead:
    """
    Attributes:
        id (UUID):
        agency_id (UUID):
        title (str):
        register_number (None | str):
        direction (Direction): Direction of activity (направление деятельности).
        internal_subkind (InternalSubkind | None):
        stages (list[Stage]):
        life_situations (list[LifeSituationRef]):
        retired_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    agency_id: UUID
    title: str
    register_number: None | str
    direction: Direction
    internal_subkind: InternalSubkind | None
    stages: list[Stage]
    life_situations: list[LifeSituationRef]
    retired_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id = str(self.agency_id)

        title = self.title

        register_number: None | str
        register_number = self.register_number

        direction = self.direction.value

        internal_subkind: None | str
        if isinstance(self.internal_subkind, InternalSubkind):
            internal_subkind = self.internal_subkind.value
        else:
            internal_subkind = self.internal_subkind

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)

        life_situations = []
        for life_situations_item_data in self.life_situations:
            life_situations_item = life_situations_item_data.to_dict()
            life_situations.append(life_situations_item)

        retired_at: None | str
        if isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "title": title,
                "register_number": register_number,
                "direction": direction,
                "internal_subkind": internal_subkind,
                "stages": stages,
                "life_situations": life_situations,
                "retired_at": retired_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.life_situation_ref import LifeSituationRef

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        agency_id = UUID(d.pop("agency_id"))

        title = d.pop("title")

        def _parse_register_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        register_number = _parse_register_number(d.pop("register_number"))

        direction = Direction(d.pop("direction"))

        def _parse_internal_subkind(data: object) -> InternalSubkind | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                internal_subkind_type_0 = InternalSubkind(data)

                return internal_subkind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InternalSubkind | None, data)

        internal_subkind = _parse_internal_subkind(d.pop("internal_subkind"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage(stages_item_data)

            stages.append(stages_item)

        life_situations = []
        _life_situations = d.pop("life_situations")
        for life_situations_item_data in _life_situations:
            life_situations_item = LifeSituationRef.from_dict(life_situations_item_data)

            life_situations.append(life_situations_item)

        def _parse_retired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        retired_at = _parse_retired_at(d.pop("retired_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_read = cls(
            id=id,
            agency_id=agency_id,
            title=title,
            register_number=register_number,
            direction=direction,
            internal_subkind=internal_subkind,
            stages=stages,
            life_situations=life_situations,
            retired_at=retired_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        service_read.additional_properties = d
        return service_read

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
