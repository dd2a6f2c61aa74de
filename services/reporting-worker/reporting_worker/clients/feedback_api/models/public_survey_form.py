from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_audience import SurveyAudience

if TYPE_CHECKING:
    from ..models.question_read import QuestionRead


T = TypeVar("T", bound="PublicSurveyForm")


@_attrs_define
class PublicSurveyForm:
    """
    Attributes:
        title (str):
        agency_name (None | str):
        service_title (None | str):
        audience (SurveyAudience): Whom the methodology's form asks: external clients (citizens, businesses) or internal
            ones (the agency's employees).
        ends_on (datetime.date | None): Last day answers are taken; null: no end set
        questions (list[QuestionRead]):
    """

    title: str
    agency_name: None | str
    service_title: None | str
    audience: SurveyAudience
    ends_on: datetime.date | None
    questions: list[QuestionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        agency_name: None | str
        agency_name = self.agency_name

        service_title: None | str
        service_title = self.service_title

        audience = self.audience.value

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "agency_name": agency_name,
                "service_title": service_title,
                "audience": audience,
                "ends_on": ends_on,
                "questions": questions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_read import QuestionRead

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_agency_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency_name = _parse_agency_name(d.pop("agency_name"))

        def _parse_service_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_title = _parse_service_title(d.pop("service_title"))

        audience = SurveyAudience(d.pop("audience"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionRead.from_dict(questions_item_data)

            questions.append(questions_item)

        public_survey_form = cls(
            title=title,
            agency_name=agency_name,
            service_title=service_title,
            audience=audience,
            ends_on=ends_on,
            questions=questions,
        )

        public_survey_form.additional_properties = d
        return public_survey_form

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
