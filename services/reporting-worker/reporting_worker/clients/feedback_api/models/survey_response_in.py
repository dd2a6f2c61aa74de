from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.survey_answer_in import SurveyAnswerIn


T = TypeVar("T", bound="SurveyResponseIn")


@_attrs_define
class SurveyResponseIn:
    """
    Attributes:
        respondent_token (str): An id the client keeps per device or browser (e.g. a random UUID in local storage): one
            response per token and survey. Stored only as a hash.
        answers (list[SurveyAnswerIn]):
    """

    respondent_token: str
    answers: list[SurveyAnswerIn]

    def to_dict(self) -> dict[str, Any]:
        respondent_token = self.respondent_token

        answers = []
        for answers_item_data in self.answers:
            answers_item = answers_item_data.to_dict()
            answers.append(answers_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "respondent_token": respondent_token,
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_answer_in import SurveyAnswerIn

        d = dict(src_dict)
        respondent_token = d.pop("respondent_token")

        answers = []
        _answers = d.pop("answers")
        for answers_item_data in _answers:
            answers_item = SurveyAnswerIn.from_dict(answers_item_data)

            answers.append(answers_item)

        survey_response_in = cls(
            respondent_token=respondent_token,
            answers=answers,
        )

        return survey_response_in
