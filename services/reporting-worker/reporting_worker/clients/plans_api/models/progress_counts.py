from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProgressCounts")


@_attrs_define
class ProgressCounts:
    """
    Attributes:
        items (int):
        not_started (int):
        in_progress (int):
        done (int):
        overdue (int):
    """

    items: int
    not_started: int
    in_progress: int
    done: int
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = self.items

        not_started = self.not_started

        in_progress = self.in_progress

        done = self.done

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "not_started": not_started,
                "in_progress": in_progress,
                "done": done,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = d.pop("items")

        not_started = d.pop("not_started")

        in_progress = d.pop("in_progress")

        done = d.pop("done")

        overdue = d.pop("overdue")

        progress_counts = cls(
            items=items,
            not_started=not_started,
            in_progress=in_progress,
            done=done,
            overdue=overdue,
        )

        progress_counts.additional_properties = d
        return progress_counts

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
