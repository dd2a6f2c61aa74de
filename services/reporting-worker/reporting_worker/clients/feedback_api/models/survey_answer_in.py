from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SurveyAnswerIn")


@_attrs_define
class SurveyAnswerIn:
    """
    Attributes:
        question (int): The question's `number` in the form
        value (int | list[int] | None | str | Unset): rating 1–5 or NPS 0–10: a whole number; single choice: the
            option's id; multiple choice: a list of option ids; text: a string (up to 2000)
    """

    question: int
    value: int | list[int] | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        value: int | list[int] | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        elif isinstance(self.value, list):
            value = self.value

        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question": question,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question")

        def _parse_value(data: object) -> int | list[int] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_type_1 = cast(list[int], data)

                return value_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | list[int] | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        survey_answer_in = cls(
            question=question,
            value=value,
        )

        return survey_answer_in
