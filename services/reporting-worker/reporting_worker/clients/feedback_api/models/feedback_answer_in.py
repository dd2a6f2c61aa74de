from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FeedbackAnswerIn")


@_attrs_define
class FeedbackAnswerIn:
    """
    Attributes:
        text (str): The answer to the citizen, in plain Russian; sent back to the client
        answered_by (None | str | Unset): The operator's name; the key's name when left out
    """

    text: str
    answered_by: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        answered_by: None | str | Unset
        if isinstance(self.answered_by, Unset):
            answered_by = UNSET
        else:
            answered_by = self.answered_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if answered_by is not UNSET:
            field_dict["answered_by"] = answered_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_answered_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answered_by = _parse_answered_by(d.pop("answered_by", UNSET))

        feedback_answer_in = cls(
            text=text,
            answered_by=answered_by,
        )

        return feedback_answer_in
