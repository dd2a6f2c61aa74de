from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.executor_status import ExecutorStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExecutorIn")


@_attrs_define
class ExecutorIn:
    """
    Attributes:
        unit (str): Responsible unit or body
        start_date (datetime.date):
        end_date (datetime.date):
        person (None | str | Unset):
        person_position (None | str | Unset):
        status (ExecutorStatus | Unset):
    """

    unit: str
    start_date: datetime.date
    end_date: datetime.date
    person: None | str | Unset = UNSET
    person_position: None | str | Unset = UNSET
    status: ExecutorStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        person: None | str | Unset
        if isinstance(self.person, Unset):
            person = UNSET
        else:
            person = self.person

        person_position: None | str | Unset
        if isinstance(self.person_position, Unset):
            person_position = UNSET
        else:
            person_position = self.person_position

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if person is not UNSET:
            field_dict["person"] = person
        if person_position is not UNSET:
            field_dict["person_position"] = person_position
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit = d.pop("unit")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        def _parse_person(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person = _parse_person(d.pop("person", UNSET))

        def _parse_person_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_position = _parse_person_position(d.pop("person_position", UNSET))

        _status = d.pop("status", UNSET)
        status: ExecutorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ExecutorStatus(_status)

        executor_in = cls(
            unit=unit,
            start_date=start_date,
            end_date=end_date,
            person=person,
            person_position=person_position,
            status=status,
        )

        return executor_in
