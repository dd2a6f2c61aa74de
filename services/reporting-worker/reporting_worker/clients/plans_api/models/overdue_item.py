from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.executor_read import ExecutorRead


T = TypeVar("T", bound="OverdueItem")


@_attrs_define
class OverdueItem:
    """
    Attributes:
        plan_id (UUID):
        item_id (UUID):
        number (str):
        text (str):
        executors (list[ExecutorRead]):
    """

    plan_id: UUID
    item_id: UUID
    number: str
    text: str
    executors: list[ExecutorRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        item_id = str(self.item_id)

        number = self.number

        text = self.text

        executors = []
        for executors_item_data in self.executors:
            executors_item = executors_item_data.to_dict()
            executors.append(executors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "item_id": item_id,
                "number": number,
                "text": text,
                "executors": executors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.executor_read import ExecutorRead

        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))

        item_id = UUID(d.pop("item_id"))

        number = d.pop("number")

        text = d.pop("text")

        executors = []
        _executors = d.pop("executors")
        for executors_item_data in _executors:
            executors_item = ExecutorRead.from_dict(executors_item_data)

            executors.append(executors_item)

        overdue_item = cls(
            plan_id=plan_id,
            item_id=item_id,
            number=number,
            text=text,
            executors=executors,
        )

        overdue_item.additional_properties = d
        return overdue_item

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
