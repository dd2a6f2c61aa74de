from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.executor_in import ExecutorIn


T = TypeVar("T", bound="ExecutorsReplace")


@_attrs_define
class ExecutorsReplace:
    """
    Attributes:
        executors (list[ExecutorIn]):
        revision_reason (None | str | Unset): Required once the plan is approved: why it changes (kept in the history)
    """

    executors: list[ExecutorIn]
    revision_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        executors = []
        for executors_item_data in self.executors:
            executors_item = executors_item_data.to_dict()
            executors.append(executors_item)

        revision_reason: None | str | Unset
        if isinstance(self.revision_reason, Unset):
            revision_reason = UNSET
        else:
            revision_reason = self.revision_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "executors": executors,
            }
        )
        if revision_reason is not UNSET:
            field_dict["revision_reason"] = revision_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.executor_in import ExecutorIn

        d = dict(src_dict)
        executors = []
        _executors = d.pop("executors")
        for executors_item_data in _executors:
            executors_item = ExecutorIn.from_dict(executors_item_data)

            executors.append(executors_item)

        def _parse_revision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_reason = _parse_revision_reason(d.pop("revision_reason", UNSET))

        executors_replace = cls(
            executors=executors,
            revision_reason=revision_reason,
        )

        return executors_replace
