from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        missed_deadline (datetime.date | None | Unset): The end date that was missed (the earliest late executor's)
        late_executor (ExecutorRead | None | Unset): The executor who missed it
    """

    plan_id: UUID
    item_id: UUID
    number: str
    text: str
    executors: list[ExecutorRead]
    missed_deadline: datetime.date | None | Unset = UNSET
    late_executor: ExecutorRead | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.executor_read import ExecutorRead

        plan_id = str(self.plan_id)

        item_id = str(self.item_id)

        number = self.number

        text = self.text

        executors = []
        for executors_item_data in self.executors:
            executors_item = executors_item_data.to_dict()
            executors.append(executors_item)

        missed_deadline: None | str | Unset
        if isinstance(self.missed_deadline, Unset):
            missed_deadline = UNSET
        elif isinstance(self.missed_deadline, datetime.date):
            missed_deadline = self.missed_deadline.isoformat()
        else:
            missed_deadline = self.missed_deadline

        late_executor: dict[str, Any] | None | Unset
        if isinstance(self.late_executor, Unset):
            late_executor = UNSET
        elif isinstance(self.late_executor, ExecutorRead):
            late_executor = self.late_executor.to_dict()
        else:
            late_executor = self.late_executor

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
        if missed_deadline is not UNSET:
            field_dict["missed_deadline"] = missed_deadline
        if late_executor is not UNSET:
            field_dict["late_executor"] = late_executor

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

        def _parse_missed_deadline(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                missed_deadline_type_0 = datetime.date.fromisoformat(data)

                return missed_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        missed_deadline = _parse_missed_deadline(d.pop("missed_deadline", UNSET))

        def _parse_late_executor(data: object) -> ExecutorRead | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                late_executor_type_0 = ExecutorRead.from_dict(data)

                return late_executor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecutorRead | None | Unset, data)

        late_executor = _parse_late_executor(d.pop("late_executor", UNSET))

        overdue_item = cls(
            plan_id=plan_id,
            item_id=item_id,
            number=number,
            text=text,
            executors=executors,
            missed_deadline=missed_deadline,
            late_executor=late_executor,
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
