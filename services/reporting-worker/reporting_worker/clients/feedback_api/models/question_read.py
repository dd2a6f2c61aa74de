from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_read import OptionRead


T = TypeVar("T", bound="QuestionRead")


@_attrs_define
class QuestionRead:
    """
    Attributes:
        number (int): What an answer sends as `question`
        kind (QuestionKind):
        text (str):
        required (bool):
        options (list[OptionRead] | None | Unset):
        scale_min (int | None | Unset): Lowest score of rating and NPS
        scale_max (int | None | Unset):
    """

    number: int
    kind: QuestionKind
    text: str
    required: bool
    options: list[OptionRead] | None | Unset = UNSET
    scale_min: int | None | Unset = UNSET
    scale_max: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        kind = self.kind.value

        text = self.text

        required = self.required

        options: list[dict[str, Any]] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = []
            for options_type_0_item_data in self.options:
                options_type_0_item = options_type_0_item_data.to_dict()
                options.append(options_type_0_item)

        else:
            options = self.options

        scale_min: int | None | Unset
        if isinstance(self.scale_min, Unset):
            scale_min = UNSET
        else:
            scale_min = self.scale_min

        scale_max: int | None | Unset
        if isinstance(self.scale_max, Unset):
            scale_max = UNSET
        else:
            scale_max = self.scale_max

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "kind": kind,
                "text": text,
                "required": required,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options
        if scale_min is not UNSET:
            field_dict["scale_min"] = scale_min
        if scale_max is not UNSET:
            field_dict["scale_max"] = scale_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_read import OptionRead

        d = dict(src_dict)
        number = d.pop("number")

        kind = QuestionKind(d.pop("kind"))

        text = d.pop("text")

        required = d.pop("required")

        def _parse_options(data: object) -> list[OptionRead] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = []
                _options_type_0 = data
                for options_type_0_item_data in _options_type_0:
                    options_type_0_item = OptionRead.from_dict(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionRead] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_scale_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scale_min = _parse_scale_min(d.pop("scale_min", UNSET))

        def _parse_scale_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scale_max = _parse_scale_max(d.pop("scale_max", UNSET))

        question_read = cls(
            number=number,
            kind=kind,
            text=text,
            required=required,
            options=options,
            scale_min=scale_min,
            scale_max=scale_max,
        )

        question_read.additional_properties = d
        return question_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
