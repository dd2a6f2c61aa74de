from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.result_document import ResultDocument
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemUpdate")


@_attrs_define
class ItemUpdate:
    """
    Attributes:
        text (None | str | Unset):
        result (None | str | Unset):
        result_kinds (list[ResultDocument] | None | Unset):
        revision_reason (None | str | Unset): Required once the plan is approved: why it changes (kept in the history)
    """

    text: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    result_kinds: list[ResultDocument] | None | Unset = UNSET
    revision_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        result_kinds: list[str] | None | Unset
        if isinstance(self.result_kinds, Unset):
            result_kinds = UNSET
        elif isinstance(self.result_kinds, list):
            result_kinds = []
            for result_kinds_type_0_item_data in self.result_kinds:
                result_kinds_type_0_item = result_kinds_type_0_item_data.value
                result_kinds.append(result_kinds_type_0_item)

        else:
            result_kinds = self.result_kinds

        revision_reason: None | str | Unset
        if isinstance(self.revision_reason, Unset):
            revision_reason = UNSET
        else:
            revision_reason = self.revision_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if result is not UNSET:
            field_dict["result"] = result
        if result_kinds is not UNSET:
            field_dict["result_kinds"] = result_kinds
        if revision_reason is not UNSET:
            field_dict["revision_reason"] = revision_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_result_kinds(data: object) -> list[ResultDocument] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                result_kinds_type_0 = []
                _result_kinds_type_0 = data
                for result_kinds_type_0_item_data in _result_kinds_type_0:
                    result_kinds_type_0_item = ResultDocument(result_kinds_type_0_item_data)

                    result_kinds_type_0.append(result_kinds_type_0_item)

                return result_kinds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResultDocument] | None | Unset, data)

        result_kinds = _parse_result_kinds(d.pop("result_kinds", UNSET))

        def _parse_revision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_reason = _parse_revision_reason(d.pop("revision_reason", UNSET))

        item_update = cls(
            text=text,
            result=result,
            result_kinds=result_kinds,
            revision_reason=revision_reason,
        )

        return item_update
