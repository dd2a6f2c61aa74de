from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.result_document import ResultDocument
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyUploadPlanItemEvidence")


@_attrs_define
class BodyUploadPlanItemEvidence:
    """
    Attributes:
        kind (ResultDocument): Kinds of documents that prove a plan item done.
        title (str):
        file (str): PDF, DOC(X), ODT, XLSX, JPEG or PNG
        number (None | str | Unset):
        document_date (datetime.date | None | Unset):
    """

    kind: ResultDocument
    title: str
    file: str
    number: None | str | Unset = UNSET
    document_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        file = self.file

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "title": title,
                "file": file,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if document_date is not UNSET:
            field_dict["document_date"] = document_date

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        files.append(("title", (None, str(self.title).encode(), "text/plain")))

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.number, Unset):
            if isinstance(self.number, str):
                files.append(("number", (None, str(self.number).encode(), "text/plain")))
            else:
                files.append(("number", (None, str(self.number).encode(), "text/plain")))

        if not isinstance(self.document_date, Unset):
            if isinstance(self.document_date, datetime.date):
                files.append(
                    ("document_date", (None, self.document_date.isoformat().encode(), "text/plain"))
                )
            else:
                files.append(
                    ("document_date", (None, str(self.document_date).encode(), "text/plain"))
                )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ResultDocument(d.pop("kind"))

        title = d.pop("title")

        file = d.pop("file")

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

        body_upload_plan_item_evidence = cls(
            kind=kind,
            title=title,
            file=file,
            number=number,
            document_date=document_date,
        )

        body_upload_plan_item_evidence.additional_properties = d
        return body_upload_plan_item_evidence

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
