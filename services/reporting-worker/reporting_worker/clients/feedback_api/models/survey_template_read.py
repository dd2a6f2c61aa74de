from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.survey_audience import SurveyAudience

if TYPE_CHECKING:
    from ..models.question_read import QuestionRead


T = TypeVar("T", bound="SurveyTemplateRead")


@_attrs_define
class SurveyTemplateRead:
    """
    Attributes:
        id (UUID):
        code (str):
        title (str):
        description (None | str):
        audience (SurveyAudience): Whom the methodology's form asks: external clients (citizens, businesses) or internal
            ones (the agency's employees).
        methodology_form (None | str):
        builtin (bool): Shipped with Otklik, read-only, for every agency
        agency_id (None | UUID):
        questions (list[QuestionRead]):
    """

    id: UUID
    code: str
    title: str
    description: None | str
    audience: SurveyAudience
    methodology_form: None | str
    builtin: bool
    agency_id: None | UUID
    questions: list[QuestionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        title = self.title

        description: None | str
        description = self.description

        audience = self.audience.value

        methodology_form: None | str
        methodology_form = self.methodology_form

        builtin = self.builtin

        agency_id: None | str
        if isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "title": title,
                "description": description,
                "audience": audience,
                "methodology_form": methodology_form,
                "builtin": builtin,
                "agency_id": agency_id,
                "questions": questions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_read import QuestionRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        audience = SurveyAudience(d.pop("audience"))

        def _parse_methodology_form(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        methodology_form = _parse_methodology_form(d.pop("methodology_form"))

        builtin = d.pop("builtin")

        def _parse_agency_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionRead.from_dict(questions_item_data)

            questions.append(questions_item)

        survey_template_read = cls(
            id=id,
            code=code,
            title=title,
            description=description,
            audience=audience,
            methodology_form=methodology_form,
            builtin=builtin,
            agency_id=agency_id,
            questions=questions,
        )

        survey_template_read.additional_properties = d
        return survey_template_read

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
