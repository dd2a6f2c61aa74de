from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.survey_audience import SurveyAudience
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.question import Question


T = TypeVar("T", bound="SurveyTemplateCreate")


@_attrs_define
class SurveyTemplateCreate:
    """
    Attributes:
        code (str): Stable code, unique within the agency
        title (str):
        questions (list[Question]):
        description (None | str | Unset):
        audience (SurveyAudience | Unset): Whom the methodology's form asks: external clients (citizens, businesses) or
            internal
            ones (the agency's employees).
        methodology_form (None | str | Unset): The form of the feedback methodology it follows, e.g. «форма № 1
            приложения № 3 к Методике ОС»
        agency_id (None | Unset | UUID): The agency that owns it; a key bound to an agency may leave it out
    """

    code: str
    title: str
    questions: list[Question]
    description: None | str | Unset = UNSET
    audience: SurveyAudience | Unset = UNSET
    methodology_form: None | str | Unset = UNSET
    agency_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        title = self.title

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        audience: str | Unset = UNSET
        if not isinstance(self.audience, Unset):
            audience = self.audience.value

        methodology_form: None | str | Unset
        if isinstance(self.methodology_form, Unset):
            methodology_form = UNSET
        else:
            methodology_form = self.methodology_form

        agency_id: None | str | Unset
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "title": title,
                "questions": questions,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if audience is not UNSET:
            field_dict["audience"] = audience
        if methodology_form is not UNSET:
            field_dict["methodology_form"] = methodology_form
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question import Question

        d = dict(src_dict)
        code = d.pop("code")

        title = d.pop("title")

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = Question.from_dict(questions_item_data)

            questions.append(questions_item)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _audience = d.pop("audience", UNSET)
        audience: SurveyAudience | Unset
        if isinstance(_audience, Unset):
            audience = UNSET
        else:
            audience = SurveyAudience(_audience)

        def _parse_methodology_form(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        methodology_form = _parse_methodology_form(d.pop("methodology_form", UNSET))

        def _parse_agency_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id", UNSET))

        survey_template_create = cls(
            code=code,
            title=title,
            questions=questions,
            description=description,
            audience=audience,
            methodology_form=methodology_form,
            agency_id=agency_id,
        )

        return survey_template_create
