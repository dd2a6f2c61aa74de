from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.result_document import ResultDocument
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalAccept")


@_attrs_define
class ProposalAccept:
    """
    Attributes:
        plan_id (UUID): A plan of the proposal's agency (and service)
        section (str | Unset): Template section of the new item; 5 «Иные мероприятия» by default Default: '5'.
        text (None | str | Unset): The proposal's title if left out
        result (str | Unset):  Default: ''.
        result_kinds (list[ResultDocument] | Unset):
        revision_reason (None | str | Unset): Required once the plan is approved: why it changes (kept in the history);
            the proposal is cited when left out
    """

    plan_id: UUID
    section: str | Unset = "5"
    text: None | str | Unset = UNSET
    result: str | Unset = ""
    result_kinds: list[ResultDocument] | Unset = UNSET
    revision_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        section = self.section

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        result = self.result

        result_kinds: list[str] | Unset = UNSET
        if not isinstance(self.result_kinds, Unset):
            result_kinds = []
            for result_kinds_item_data in self.result_kinds:
                result_kinds_item = result_kinds_item_data.value
                result_kinds.append(result_kinds_item)

        revision_reason: None | str | Unset
        if isinstance(self.revision_reason, Unset):
            revision_reason = UNSET
        else:
            revision_reason = self.revision_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plan_id": plan_id,
            }
        )
        if section is not UNSET:
            field_dict["section"] = section
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
        plan_id = UUID(d.pop("plan_id"))

        section = d.pop("section", UNSET)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        result = d.pop("result", UNSET)

        _result_kinds = d.pop("result_kinds", UNSET)
        result_kinds: list[ResultDocument] | Unset = UNSET
        if _result_kinds is not UNSET:
            result_kinds = []
            for result_kinds_item_data in _result_kinds:
                result_kinds_item = ResultDocument(result_kinds_item_data)

                result_kinds.append(result_kinds_item)

        def _parse_revision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_reason = _parse_revision_reason(d.pop("revision_reason", UNSET))

        proposal_accept = cls(
            plan_id=plan_id,
            section=section,
            text=text,
            result=result,
            result_kinds=result_kinds,
            revision_reason=revision_reason,
        )

        return proposal_accept
