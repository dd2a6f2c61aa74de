from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agency_plan_progress_plans_by_status import (
        AgencyPlanProgressPlansByStatus,
    )
    from ..models.overdue_item import OverdueItem
    from ..models.progress_counts import ProgressCounts


T = TypeVar("T", bound="AgencyPlanProgress")


@_attrs_define
class AgencyPlanProgress:
    """
    Attributes:
        agency_id (UUID):
        plans_by_status (AgencyPlanProgressPlansByStatus):
        counts (ProgressCounts):
        overdue (list[OverdueItem]):
    """

    agency_id: UUID
    plans_by_status: AgencyPlanProgressPlansByStatus
    counts: ProgressCounts
    overdue: list[OverdueItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agency_id = str(self.agency_id)

        plans_by_status = self.plans_by_status.to_dict()

        counts = self.counts.to_dict()

        overdue = []
        for overdue_item_data in self.overdue:
            overdue_item = overdue_item_data.to_dict()
            overdue.append(overdue_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agency_id": agency_id,
                "plans_by_status": plans_by_status,
                "counts": counts,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_plan_progress_plans_by_status import (
            AgencyPlanProgressPlansByStatus,
        )
        from ..models.overdue_item import OverdueItem
        from ..models.progress_counts import ProgressCounts

        d = dict(src_dict)
        agency_id = UUID(d.pop("agency_id"))

        plans_by_status = AgencyPlanProgressPlansByStatus.from_dict(d.pop("plans_by_status"))

        counts = ProgressCounts.from_dict(d.pop("counts"))

        overdue = []
        _overdue = d.pop("overdue")
        for overdue_item_data in _overdue:
            overdue_item = OverdueItem.from_dict(overdue_item_data)

            overdue.append(overdue_item)

        agency_plan_progress = cls(
            agency_id=agency_id,
            plans_by_status=plans_by_status,
            counts=counts,
            overdue=overdue,
        )

        agency_plan_progress.additional_properties = d
        return agency_plan_progress

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
