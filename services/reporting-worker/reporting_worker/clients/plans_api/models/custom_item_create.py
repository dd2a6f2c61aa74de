from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.custom_item_create_origin import CustomItemCreateOrigin
from ..models.result_document import ResultDocument
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomItemCreate")


@_attrs_define
class CustomItemCreate:
    """
    Attributes:
        section (str): Template section to add it to
        text (str):
        result (str | Unset):  Default: ''.
        result_kinds (list[ResultDocument] | Unset):
        origin (CustomItemCreateOrigin | Unset):  Default: CustomItemCreateOrigin.CUSTOM.
        proposal_ref (None | str | Unset): E.g. the citizen's feedback it comes from
        revision_reason (None | str | Unset): Required once the plan is approved: why it changes (kept in the history)
    """

    section: str
    text: str
    result: str | Unset = ""
    result_kinds: list[ResultDocument] | Unset = UNSET
    origin: CustomItemCreateOrigin | Unset = CustomItemCreateOrigin.CUSTOM
    proposal_ref: None | str | Unset = UNSET
    revision_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        section = self.section

        text = self.text

        result = self.result

        result_kinds: list[str] | Unset = UNSET
        if not isinstance(self.result_kinds, Unset):
            result_kinds = []
            for result_kinds_item_data in self.result_kinds:
                result_kinds_item = result_kinds_item_data.value
                result_kinds.append(result_kinds_item)

        origin: str | Unset = UNSET
        if not isinstance(self.origin, Unset):
            origin = self.origin.value

        proposal_ref: None | str | Unset
        if isinstance(self.proposal_ref, Unset):
            proposal_ref = UNSET
        else:
            proposal_ref = self.proposal_ref

        revision_reason: None | str | Unset
        if isinstance(self.revision_reason, Unset):
            revision_reason = UNSET
        else:
            revision_reason = self.revision_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "section": section,
                "text": text,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result
        if result_kinds is not UNSET:
            field_dict["result_kinds"] = result_kinds
        if origin is not UNSET:
            field_dict["origin"] = origin
        if proposal_ref is not UNSET:
            field_dict["proposal_ref"] = proposal_ref
        if revision_reason is not UNSET:
            field_dict["revision_reason"] = revision_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        section = d.pop("section")

        text = d.pop("text")

        result = d.pop("result", UNSET)

        _result_kinds = d.pop("result_kinds", UNSET)
        result_kinds: list[ResultDocument] | Unset = UNSET
        if _result_kinds is not UNSET:
            result_kinds = []
            for result_kinds_item_data in _result_kinds:
                result_kinds_item = ResultDocument(result_kinds_item_data)

                result_kinds.append(result_kinds_item)

        _origin = d.pop("origin", UNSET)
        origin: CustomItemCreateOrigin | Unset
        if isinstance(_origin, Unset):
            origin = UNSET
        else:
            origin = CustomItemCreateOrigin(_origin)

        def _parse_proposal_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposal_ref = _parse_proposal_ref(d.pop("proposal_ref", UNSET))

        def _parse_revision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_reason = _parse_revision_reason(d.pop("revision_reason", UNSET))

        custom_item_create = cls(
            section=section,
            text=text,
            result=result,
            result_kinds=result_kinds,
            origin=origin,
            proposal_ref=proposal_ref,
            revision_reason=revision_reason,
        )

        return custom_item_create
