from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """A question as a template defines it; it is numbered by its place (1, 2, …).

    Attributes:
        kind (QuestionKind):
        text (str): The question, in Russian
        required (bool | Unset):  Default: True.
        options (list[str] | None | Unset): Choices of a single or multiple choice question (2–20), numbered from 1
    """

    kind: QuestionKind
    text: str
    required: bool | Unset = True
    options: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        text = self.text

        required = self.required

        options: list[str] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = self.options

        else:
            options = self.options

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "text": text,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = QuestionKind(d.pop("kind"))

        text = d.pop("text")

        required = d.pop("required", UNSET)

        def _parse_options(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = cast(list[str], data)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        question = cls(
            kind=kind,
            text=text,
            required=required,
            options=options,
        )

        return question
