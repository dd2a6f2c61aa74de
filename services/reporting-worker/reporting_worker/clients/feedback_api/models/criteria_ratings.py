from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CriteriaRatings")


@_attrs_define
class CriteriaRatings:
    """The five criteria of the federal rating of state services, each 1–5.

    Attributes:
        provision_time (int | None | Unset): время предоставления
        queue_wait (int | None | Unset): время ожидания в очереди
        staff_courtesy (int | None | Unset): вежливость и компетентность сотрудника
        premises_comfort (int | None | Unset): комфортность условий
        info_availability (int | None | Unset): доступность информации о порядке предоставления
    """

    provision_time: int | None | Unset = UNSET
    queue_wait: int | None | Unset = UNSET
    staff_courtesy: int | None | Unset = UNSET
    premises_comfort: int | None | Unset = UNSET
    info_availability: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provision_time: int | None | Unset
        if isinstance(self.provision_time, Unset):
            provision_time = UNSET
        else:
            provision_time = self.provision_time

        queue_wait: int | None | Unset
        if isinstance(self.queue_wait, Unset):
            queue_wait = UNSET
        else:
            queue_wait = self.queue_wait

        staff_courtesy: int | None | Unset
        if isinstance(self.staff_courtesy, Unset):
            staff_courtesy = UNSET
        else:
            staff_courtesy = self.staff_courtesy

        premises_comfort: int | None | Unset
        if isinstance(self.premises_comfort, Unset):
            premises_comfort = UNSET
        else:
            premises_comfort = self.premises_comfort

        info_availability: int | None | Unset
        if isinstance(self.info_availability, Unset):
            info_availability = UNSET
        else:
            info_availability = self.info_availability

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if provision_time is not UNSET:
            field_dict["provision_time"] = provision_time
        if queue_wait is not UNSET:
            field_dict["queue_wait"] = queue_wait
        if staff_courtesy is not UNSET:
            field_dict["staff_courtesy"] = staff_courtesy
        if premises_comfort is not UNSET:
            field_dict["premises_comfort"] = premises_comfort
        if info_availability is not UNSET:
            field_dict["info_availability"] = info_availability

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_provision_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        provision_time = _parse_provision_time(d.pop("provision_time", UNSET))

        def _parse_queue_wait(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        queue_wait = _parse_queue_wait(d.pop("queue_wait", UNSET))

        def _parse_staff_courtesy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        staff_courtesy = _parse_staff_courtesy(d.pop("staff_courtesy", UNSET))

        def _parse_premises_comfort(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        premises_comfort = _parse_premises_comfort(d.pop("premises_comfort", UNSET))

        def _parse_info_availability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        info_availability = _parse_info_availability(d.pop("info_availability", UNSET))

        criteria_ratings = cls(
            provision_time=provision_time,
            queue_wait=queue_wait,
            staff_courtesy=staff_courtesy,
            premises_comfort=premises_comfort,
            info_availability=info_availability,
        )

        return criteria_ratings
