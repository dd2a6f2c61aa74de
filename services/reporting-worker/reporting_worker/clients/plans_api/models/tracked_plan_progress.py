from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.done_item import DoneItem
    from ..models.overdue_item import OverdueItem
    from ..models.progress_counts import ProgressCounts


T = TypeVar("T", bound="TrackedPlanProgress")


@_attrs_define
class TrackedPlanProgress:
    """
    Attributes:
        plan_id (UUID):
        agency_id (UUID):
        service_id (UUID):
        title (str):
        status (PlanStatus):
        counts (ProgressCounts):
        overdue (list[OverdueItem]):
        done_items (list[DoneItem] | Unset): Done by `as_of`
    """

    plan_id: UUID
    agency_id: UUID
    service_id: UUID
    title: str
    status: PlanStatus
    counts: ProgressCounts
    overdue: list[OverdueItem]
    done_items: list[DoneItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        agency_id = str(self.agency_id)

        service_id = str(self.service_id)

        title = self.title

        status = self.status.value

        counts = self.counts.to_dict()

        overdue = []
        for overdue_item_data in self.overdue:
            overdue_item = overdue_item_data.to_dict()
            overdue.append(overdue_item)

        done_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.done_items, Unset):
            done_items = []
            for done_items_item_data in self.done_items:
                done_items_item = done_items_item_data.to_dict()
                done_items.append(done_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "agency_id": agency_id,
                "service_id": service_id,
                "title": title,
                "status": status,
                "counts": counts,
                "overdue": overdue,
            }
        )
        if done_items is not UNSET:
            field_dict["done_items"] = done_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.done_item import DoneItem
        from ..models.overdue_item import OverdueItem
        from ..models.progress_counts import ProgressCounts

        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))

        agency_id = UUID(d.pop("agency_id"))

        service_id = UUID(d.pop("service_id"))

        title = d.pop("title")

        status = PlanStatus(d.pop("status"))

        counts = ProgressCounts.from_dict(d.pop("counts"))

        overdue = []
        _overdue = d.pop("overdue")
        for overdue_item_data in _overdue:
            overdue_item = OverdueItem.from_dict(overdue_item_data)

            overdue.append(overdue_item)

        _done_items = d.pop("done_items", UNSET)
        done_items: list[DoneItem] | Unset = UNSET
        if _done_items is not UNSET:
            done_items = []
            for done_items_item_data in _done_items:
                done_items_item = DoneItem.from_dict(done_items_item_data)

                done_items.append(done_items_item)

        tracked_plan_progress = cls(
            plan_id=plan_id,
            agency_id=agency_id,
            service_id=service_id,
            title=title,
            status=status,
            counts=counts,
            overdue=overdue,
            done_items=done_items,
        )

        tracked_plan_progress.additional_properties = d
        return tracked_plan_progress

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
