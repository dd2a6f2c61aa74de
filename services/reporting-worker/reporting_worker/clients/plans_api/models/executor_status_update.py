from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.executor_status import ExecutorStatus

T = TypeVar("T", bound="ExecutorStatusUpdate")


@_attrs_define
class ExecutorStatusUpdate:
    """
    Attributes:
        status (ExecutorStatus):
    """

    status: ExecutorStatus

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ExecutorStatus(d.pop("status"))

        executor_status_update = cls(
            status=status,
        )

        return executor_status_update
