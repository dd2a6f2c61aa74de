from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..models.internal_subkind import InternalSubkind
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceUpdate")


@_attrs_define
class ServiceUpdate:
    """
    Attributes:
        title (None | str | Unset):
        register_number (None | str | Unset):
        direction (Direction | None | Unset):
        internal_subkind (InternalSubkind | None | Unset):
        stages (list[Stage] | None | Unset):
        life_situation_ids (list[UUID] | None | Unset):
    """

    title: None | str | Unset = UNSET
    register_number: None | str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    internal_subkind: InternalSubkind | None | Unset = UNSET
    stages: list[Stage] | None | Unset = UNSET
    life_situation_ids: list[UUID] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        register_number: None | str | Unset
        if isinstance(self.register_number, Unset):
            register_number = UNSET
        else:
            register_number = self.register_number

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, Direction):
            direction = self.direction.value
        else:
            direction = self.direction

        internal_subkind: None | str | Unset
        if isinstance(self.internal_subkind, Unset):
            internal_subkind = UNSET
        elif isinstance(self.internal_subkind, InternalSubkind):
            internal_subkind = self.internal_subkind.value
        else:
            internal_subkind = self.internal_subkind

        stages: list[str] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = []
            for stages_type_0_item_data in self.stages:
                stages_type_0_item = stages_type_0_item_data.value
                stages.append(stages_type_0_item)

        else:
            stages = self.stages

        life_situation_ids: list[str] | None | Unset
        if isinstance(self.life_situation_ids, Unset):
            life_situation_ids = UNSET
        elif isinstance(self.life_situation_ids, list):
            life_situation_ids = []
            for life_situation_ids_type_0_item_data in self.life_situation_ids:
                life_situation_ids_type_0_item = str(life_situation_ids_type_0_item_data)
                life_situation_ids.append(life_situation_ids_type_0_item)

        else:
            life_situation_ids = self.life_situation_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if register_number is not UNSET:
            field_dict["register_number"] = register_number
        if direction is not UNSET:
            field_dict["direction"] = direction
        if internal_subkind is not UNSET:
            field_dict["internal_subkind"] = internal_subkind
        if stages is not UNSET:
            field_dict["stages"] = stages
        if life_situation_ids is not UNSET:
            field_dict["life_situation_ids"] = life_situation_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_register_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        register_number = _parse_register_number(d.pop("register_number", UNSET))

        def _parse_direction(data: object) -> Direction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = Direction(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

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

        def _parse_stages(data: object) -> list[Stage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = []
                _stages_type_0 = data
                for stages_type_0_item_data in _stages_type_0:
                    stages_type_0_item = Stage(stages_type_0_item_data)

                    stages_type_0.append(stages_type_0_item)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Stage] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        def _parse_life_situation_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                life_situation_ids_type_0 = []
                _life_situation_ids_type_0 = data
                for life_situation_ids_type_0_item_data in _life_situation_ids_type_0:
                    life_situation_ids_type_0_item = UUID(life_situation_ids_type_0_item_data)

                    life_situation_ids_type_0.append(life_situation_ids_type_0_item)

                return life_situation_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        life_situation_ids = _parse_life_situation_ids(d.pop("life_situation_ids", UNSET))

        service_update = cls(
            title=title,
            register_number=register_number,
            direction=direction,
            internal_subkind=internal_subkind,
            stages=stages,
            life_situation_ids=life_situation_ids,
        )

        return service_update
