from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_audience import SurveyAudience

T = TypeVar("T", bound="InstrumentSummary")


@_attrs_define
class InstrumentSummary:
    """
    Attributes:
        template_id (UUID):
        code (str):
        title (str):
        audience (SurveyAudience): Whom the methodology's form asks: external clients (citizens, businesses) or internal
            ones (the agency's employees).
        methodology_form (None | str):
        question_count (int):
    """

    template_id: UUID
    code: str
    title: str
    audience: SurveyAudience
    methodology_form: None | str
    question_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        code = self.code

        title = self.title

        audience = self.audience.value

        methodology_form: None | str
        methodology_form = self.methodology_form

        question_count = self.question_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "template_id": template_id,
                "code": code,
                "title": title,
                "audience": audience,
                "methodology_form": methodology_form,
                "question_count": question_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = UUID(d.pop("template_id"))

        code = d.pop("code")

        title = d.pop("title")

        audience = SurveyAudience(d.pop("audience"))

        def _parse_methodology_form(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        methodology_form = _parse_methodology_form(d.pop("methodology_form"))

        question_count = d.pop("question_count")

        instrument_summary = cls(
            template_id=template_id,
            code=code,
            title=title,
            audience=audience,
            methodology_form=methodology_form,
            question_count=question_count,
        )

        instrument_summary.additional_properties = d
        return instrument_summary

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
