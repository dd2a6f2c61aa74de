from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.result_document import ResultDocument
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.survey_facts import SurveyFacts


T = TypeVar("T", bound="EvidenceIn")


@_attrs_define
class EvidenceIn:
    """
    Attributes:
        kind (ResultDocument): Kinds of documents that prove a plan item done.
        title (str):
        number (None | str | Unset):
        document_date (datetime.date | None | Unset):
        url (None | str | Unset):
        survey (None | SurveyFacts | Unset):
    """

    kind: ResultDocument
    title: str
    number: None | str | Unset = UNSET
    document_date: datetime.date | None | Unset = UNSET
    url: None | str | Unset = UNSET
    survey: None | SurveyFacts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.survey_facts import SurveyFacts

        kind = self.kind.value

        title = self.title

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        survey: dict[str, Any] | None | Unset
        if isinstance(self.survey, Unset):
            survey = UNSET
        elif isinstance(self.survey, SurveyFacts):
            survey = self.survey.to_dict()
        else:
            survey = self.survey

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title": title,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if url is not UNSET:
            field_dict["url"] = url
        if survey is not UNSET:
            field_dict["survey"] = survey

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_facts import SurveyFacts

        d = dict(src_dict)
        kind = ResultDocument(d.pop("kind"))

        title = d.pop("title")

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_document_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_date_type_0 = datetime.date.fromisoformat(data)

                return document_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        document_date = _parse_document_date(d.pop("document_date", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_survey(data: object) -> None | SurveyFacts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                survey_type_0 = SurveyFacts.from_dict(data)

                return survey_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SurveyFacts | Unset, data)

        survey = _parse_survey(d.pop("survey", UNSET))

        evidence_in = cls(
            kind=kind,
            title=title,
            number=number,
            document_date=document_date,
            url=url,
            survey=survey,
        )

        return evidence_in
