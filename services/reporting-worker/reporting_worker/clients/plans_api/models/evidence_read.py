from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_document import ResultDocument

if TYPE_CHECKING:
    from ..models.survey_facts import SurveyFacts


T = TypeVar("T", bound="EvidenceRead")


@_attrs_define
class EvidenceRead:
    """
    Attributes:
        id (UUID):
        kind (ResultDocument): Kinds of documents that prove a plan item done.
        number (None | str):
        document_date (datetime.date | None):
        title (str):
        url (None | str):
        survey (None | SurveyFacts):
        file_name (None | str):
        file_size (int | None):
        created_at (datetime.datetime):
    """

    id: UUID
    kind: ResultDocument
    number: None | str
    document_date: datetime.date | None
    title: str
    url: None | str
    survey: None | SurveyFacts
    file_name: None | str
    file_size: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.survey_facts import SurveyFacts

        id = str(self.id)

        kind = self.kind.value

        number: None | str
        number = self.number

        document_date: None | str
        if isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        title = self.title

        url: None | str
        url = self.url

        survey: dict[str, Any] | None
        if isinstance(self.survey, SurveyFacts):
            survey = self.survey.to_dict()
        else:
            survey = self.survey

        file_name: None | str
        file_name = self.file_name

        file_size: int | None
        file_size = self.file_size

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "number": number,
                "document_date": document_date,
                "title": title,
                "url": url,
                "survey": survey,
                "file_name": file_name,
                "file_size": file_size,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_facts import SurveyFacts

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = ResultDocument(d.pop("kind"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        def _parse_document_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_date_type_0 = datetime.date.fromisoformat(data)

                return document_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        document_date = _parse_document_date(d.pop("document_date"))

        title = d.pop("title")

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        def _parse_survey(data: object) -> None | SurveyFacts:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                survey_type_0 = SurveyFacts.from_dict(data)

                return survey_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SurveyFacts, data)

        survey = _parse_survey(d.pop("survey"))

        def _parse_file_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        file_name = _parse_file_name(d.pop("file_name"))

        def _parse_file_size(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        file_size = _parse_file_size(d.pop("file_size"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        evidence_read = cls(
            id=id,
            kind=kind,
            number=number,
            document_date=document_date,
            title=title,
            url=url,
            survey=survey,
            file_name=file_name,
            file_size=file_size,
            created_at=created_at,
        )

        evidence_read.additional_properties = d
        return evidence_read

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
