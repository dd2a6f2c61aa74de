from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.nps_breakdown import NpsBreakdown
    from ..models.option_count import OptionCount
    from ..models.value_count import ValueCount


T = TypeVar("T", bound="QuestionResult")


@_attrs_define
class QuestionResult:
    """
    Attributes:
        number (int):
        kind (QuestionKind):
        text (str):
        answered (int): Respondents who answered this question
        average (float | None | Unset): Rating and NPS
        distribution (list[ValueCount] | None | Unset): Rating and NPS: every score with its count
        nps (None | NpsBreakdown | Unset):
        options (list[OptionCount] | None | Unset): Choice questions
        latest_texts (list[str] | None | Unset): Text questions: the latest answers, personal data masked
    """

    number: int
    kind: QuestionKind
    text: str
    answered: int
    average: float | None | Unset = UNSET
    distribution: list[ValueCount] | None | Unset = UNSET
    nps: None | NpsBreakdown | Unset = UNSET
    options: list[OptionCount] | None | Unset = UNSET
    latest_texts: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.nps_breakdown import NpsBreakdown

        number = self.number

        kind = self.kind.value

        text = self.text

        answered = self.answered

        average: float | None | Unset
        if isinstance(self.average, Unset):
            average = UNSET
        else:
            average = self.average

        distribution: list[dict[str, Any]] | None | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        elif isinstance(self.distribution, list):
            distribution = []
            for distribution_type_0_item_data in self.distribution:
                distribution_type_0_item = distribution_type_0_item_data.to_dict()
                distribution.append(distribution_type_0_item)

        else:
            distribution = self.distribution

        nps: dict[str, Any] | None | Unset
        if isinstance(self.nps, Unset):
            nps = UNSET
        elif isinstance(self.nps, NpsBreakdown):
            nps = self.nps.to_dict()
        else:
            nps = self.nps

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

        latest_texts: list[str] | None | Unset
        if isinstance(self.latest_texts, Unset):
            latest_texts = UNSET
        elif isinstance(self.latest_texts, list):
            latest_texts = self.latest_texts

        else:
            latest_texts = self.latest_texts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "kind": kind,
                "text": text,
                "answered": answered,
            }
        )
        if average is not UNSET:
            field_dict["average"] = average
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if nps is not UNSET:
            field_dict["nps"] = nps
        if options is not UNSET:
            field_dict["options"] = options
        if latest_texts is not UNSET:
            field_dict["latest_texts"] = latest_texts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.nps_breakdown import NpsBreakdown
        from ..models.option_count import OptionCount
        from ..models.value_count import ValueCount

        d = dict(src_dict)
        number = d.pop("number")

        kind = QuestionKind(d.pop("kind"))

        text = d.pop("text")

        answered = d.pop("answered")

        def _parse_average(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average = _parse_average(d.pop("average", UNSET))

        def _parse_distribution(data: object) -> list[ValueCount] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                distribution_type_0 = []
                _distribution_type_0 = data
                for distribution_type_0_item_data in _distribution_type_0:
                    distribution_type_0_item = ValueCount.from_dict(distribution_type_0_item_data)

                    distribution_type_0.append(distribution_type_0_item)

                return distribution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ValueCount] | None | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))

        def _parse_nps(data: object) -> None | NpsBreakdown | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                nps_type_0 = NpsBreakdown.from_dict(data)

                return nps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NpsBreakdown | Unset, data)

        nps = _parse_nps(d.pop("nps", UNSET))

        def _parse_options(data: object) -> list[OptionCount] | None | Unset:
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
                    options_type_0_item = OptionCount.from_dict(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionCount] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        def _parse_latest_texts(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                latest_texts_type_0 = cast(list[str], data)

                return latest_texts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        latest_texts = _parse_latest_texts(d.pop("latest_texts", UNSET))

        question_result = cls(
            number=number,
            kind=kind,
            text=text,
            answered=answered,
            average=average,
            distribution=distribution,
            nps=nps,
            options=options,
            latest_texts=latest_texts,
        )

        question_result.additional_properties = d
        return question_result

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
