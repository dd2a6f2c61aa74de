from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReviewPolicyIn")


@_attrs_define
class ReviewPolicyIn:
    """
    Attributes:
        answer_due_days (int): Days to answer a feedback that needs a review
    """

    answer_due_days: int

    def to_dict(self) -> dict[str, Any]:
        answer_due_days = self.answer_due_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer_due_days": answer_due_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_due_days = d.pop("answer_due_days")

        review_policy_in = cls(
            answer_due_days=answer_due_days,
        )

        return review_policy_in
