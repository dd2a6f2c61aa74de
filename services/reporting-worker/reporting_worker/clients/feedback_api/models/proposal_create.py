from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """
    Attributes:
        title (str): The measure proposed
        rationale (None | str | Unset):
        proposed_by (None | str | Unset): The operator's name; the key's name when left out
    """

    title: str
    rationale: None | str | Unset = UNSET
    proposed_by: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        rationale: None | str | Unset
        if isinstance(self.rationale, Unset):
            rationale = UNSET
        else:
            rationale = self.rationale

        proposed_by: None | str | Unset
        if isinstance(self.proposed_by, Unset):
            proposed_by = UNSET
        else:
            proposed_by = self.proposed_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if proposed_by is not UNSET:
            field_dict["proposed_by"] = proposed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        def _parse_rationale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rationale = _parse_rationale(d.pop("rationale", UNSET))

        def _parse_proposed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        proposed_by = _parse_proposed_by(d.pop("proposed_by", UNSET))

        proposal_create = cls(
            title=title,
            rationale=rationale,
            proposed_by=proposed_by,
        )

        return proposal_create
