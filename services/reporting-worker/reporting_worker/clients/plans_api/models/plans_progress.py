from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tracked_plan_progress import TrackedPlanProgress


T = TypeVar("T", bound="PlansProgress")


@_attrs_define
class PlansProgress:
    """Progress of the tracked plans of some services or of an agency, as of a date.

    Attributes:
        as_of (datetime.date):
        plans (list[TrackedPlanProgress]): Approved and completed plans
    """

    as_of: datetime.date
    plans: list[TrackedPlanProgress]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        plans = []
        for plans_item_data in self.plans:
            plans_item = plans_item_data.to_dict()
            plans.append(plans_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "plans": plans,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tracked_plan_progress import TrackedPlanProgress

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        plans = []
        _plans = d.pop("plans")
        for plans_item_data in _plans:
            plans_item = TrackedPlanProgress.from_dict(plans_item_data)

            plans.append(plans_item)

        plans_progress = cls(
            as_of=as_of,
            plans=plans,
        )

        plans_progress.additional_properties = d
        return plans_progress

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
