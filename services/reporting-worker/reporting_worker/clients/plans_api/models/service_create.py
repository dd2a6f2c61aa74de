from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.internal_subkind import InternalSubkind
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceCreate")


@_attrs_define
class ServiceCreate:
    """
    Attributes:
        agency_id (UUID):
        title (str):
        direction (Direction): Direction of activity (направление деятельности).
        stages (list[Stage]):
        register_number (None | str | Unset): Number in the federal register of state services
        internal_subkind (InternalSubkind | None | Unset): Only for direction `internal`
        life_situation_ids (list[UUID] | Unset):
    """

    agency_id: UUID
    title: str
    direction: Direction
    stages: list[Stage]
    register_number: None | str | Unset = UNSET
    internal_subkind: InternalSubkind | None | Unset = UNSET
    life_situation_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency_id = str(self.agency_id)

        title = self.title

        direction = self.direction.value

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)

        register_number: None | str | Unset
        if isinstance(self.register_number, Unset):
            register_number = UNSET
        else:
            register_number = self.register_number

        internal_subkind: None | str | Unset
        if isinstance(self.internal_subkind, Unset):
            internal_subkind = UNSET
        elif isinstance(self.internal_subkind, InternalSubkind):
            internal_subkind = self.internal_subkind.value
        else:
            internal_subkind = self.internal_subkind

        life_situation_ids: list[str] | Unset = UNSET
        if not isinstance(self.life_situation_ids, Unset):
            life_situation_ids = []
            for life_situation_ids_item_data in self.life_situation_ids:
                life_situation_ids_item = str(life_situation_ids_item_data)
                life_situation_ids.append(life_situation_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency_id": agency_id,
                "title": title,
                "direction": direction,
                "stages": stages,
            }
        )
        if register_number is not UNSET:
            field_dict["register_number"] = register_number
        if internal_subkind is not UNSET:
            field_dict["internal_subkind"] = internal_subkind
        if life_situation_ids is not UNSET:
            field_dict["life_situation_ids"] = life_situation_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_id = UUID(d.pop("agency_id"))

        title = d.pop("title")

        direction = Direction(d.pop("direction"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage(stages_item_data)

            stages.append(stages_item)

        def _parse_register_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        register_number = _parse_register_number(d.pop("register_number", UNSET))

        def _parse_internal_subkind(data: object) -> InternalSubkind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                internal_subkind_type_0 = InternalSubkind(data)

                return internal_subkind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InternalSubkind | None | Unset, data)

        internal_subkind = _parse_internal_subkind(d.pop("internal_subkind", UNSET))

        _life_situation_ids = d.pop("life_situation_ids", UNSET)
        life_situation_ids: list[UUID] | Unset = UNSET
        if _life_situation_ids is not UNSET:
            life_situation_ids = []
            for life_situation_ids_item_data in _life_situation_ids:
                life_situation_ids_item = UUID(life_situation_ids_item_data)

                life_situation_ids.append(life_situation_ids_item)

        service_create = cls(
            agency_id=agency_id,
            title=title,
            direction=direction,
            stages=stages,
            register_number=register_number,
            internal_subkind=internal_subkind,
            life_situation_ids=life_situation_ids,
        )

        return service_create
