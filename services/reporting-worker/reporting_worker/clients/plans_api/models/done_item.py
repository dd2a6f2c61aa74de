from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion import Criterion
from ..models.done_item_origin import DoneItemOrigin
from ..models.stage import Stage

T = TypeVar("T", bound="DoneItem")


@_attrs_define
class DoneItem:
    """An item done by the progress's date, with where on the client path it acts.

    Attributes:
        item_id (UUID):
        number (str):
        text (str):
        done_on (datetime.date | None): The day it became done (Moscow); null if unknown
        origin (DoneItemOrigin):
        stages (list[Stage]): Stages it acts on: the proposal's stage, or the template item's mapping
        criteria (list[Criterion]): Rating criteria it acts on (template mapping)
    """

    item_id: UUID
    number: str
    text: str
    done_on: datetime.date | None
    origin: DoneItemOrigin
    stages: list[Stage]
    criteria: list[Criterion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = str(self.item_id)

        number = self.number

        text = self.text

        done_on: None | str
        if isinstance(self.done_on, datetime.date):
            done_on = self.done_on.isoformat()
        else:
            done_on = self.done_on

        origin = self.origin.value

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.value
            criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item_id": item_id,
                "number": number,
                "text": text,
                "done_on": done_on,
                "origin": origin,
                "stages": stages,
                "criteria": criteria,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = UUID(d.pop("item_id"))

        number = d.pop("number")

        text = d.pop("text")

        def _parse_done_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_on_type_0 = datetime.date.fromisoformat(data)

                return done_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_on = _parse_done_on(d.pop("done_on"))

        origin = DoneItemOrigin(d.pop("origin"))

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage(stages_item_data)

            stages.append(stages_item)

        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in _criteria:
            criteria_item = Criterion(criteria_item_data)

            criteria.append(criteria_item)

        done_item = cls(
            item_id=item_id,
            number=number,
            text=text,
            done_on=done_on,
            origin=origin,
            stages=stages,
            criteria=criteria,
        )

        done_item.additional_properties = d
        return done_item

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
