from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

if TYPE_CHECKING:
    from ..models.instrument_summary import InstrumentSummary
    from ..models.question_result import QuestionResult
    from ..models.survey_facts import SurveyFacts


T = TypeVar("T", bound="SurveyResults")


@_attrs_define
class SurveyResults:
    """
    Attributes:
        run_id (UUID):
        title (str):
        status (RunStatus):
        as_of (datetime.datetime):
        respondents (int):
        first_response_at (datetime.datetime | None):
        last_response_at (datetime.datetime | None):
        instrument (InstrumentSummary):
        facts (SurveyFacts): The survey's facts for the monthly report and to close a plan's control point (seed
            002): the shape plans-api takes as a survey evidence.
        questions (list[QuestionResult]):
    """

    run_id: UUID
    title: str
    status: RunStatus
    as_of: datetime.datetime
    respondents: int
    first_response_at: datetime.datetime | None
    last_response_at: datetime.datetime | None
    instrument: InstrumentSummary
    facts: SurveyFacts
    questions: list[QuestionResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = str(self.run_id)

        title = self.title

        status = self.status.value

        as_of = self.as_of.isoformat()

        respondents = self.respondents

        first_response_at: None | str
        if isinstance(self.first_response_at, datetime.datetime):
            first_response_at = self.first_response_at.isoformat()
        else:
            first_response_at = self.first_response_at

        last_response_at: None | str
        if isinstance(self.last_response_at, datetime.datetime):
            last_response_at = self.last_response_at.isoformat()
        else:
            last_response_at = self.last_response_at

        instrument = self.instrument.to_dict()

        facts = self.facts.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "title": title,
                "status": status,
                "as_of": as_of,
                "respondents": respondents,
                "first_response_at": first_response_at,
                "last_response_at": last_response_at,
                "instrument": instrument,
                "facts": facts,
                "questions": questions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument_summary import InstrumentSummary
        from ..models.question_result import QuestionResult
        from ..models.survey_facts import SurveyFacts

        d = dict(src_dict)
        run_id = UUID(d.pop("run_id"))

        title = d.pop("title")

        status = RunStatus(d.pop("status"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        respondents = d.pop("respondents")

        def _parse_first_response_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_response_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_response_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_response_at = _parse_first_response_at(d.pop("first_response_at"))

        def _parse_last_response_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_response_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_response_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_response_at = _parse_last_response_at(d.pop("last_response_at"))

        instrument = InstrumentSummary.from_dict(d.pop("instrument"))

        facts = SurveyFacts.from_dict(d.pop("facts"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        survey_results = cls(
            run_id=run_id,
            title=title,
            status=status,
            as_of=as_of,
            respondents=respondents,
            first_response_at=first_response_at,
            last_response_at=last_response_at,
            instrument=instrument,
            facts=facts,
            questions=questions,
        )

        survey_results.additional_properties = d
        return survey_results

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
