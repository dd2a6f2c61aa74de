from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus

if TYPE_CHECKING:
    from ..models.progress_counts import ProgressCounts


T = TypeVar("T", bound="PlanSummary")


@_attrs_define
class PlanSummary:
    """
    Attributes:
        id (UUID):
        agency_id (UUID):
        service_id (UUID):
        title (str):
        status (PlanStatus):
        document_number (None | str):
        document_date (datetime.date | None):
        progress (ProgressCounts):
    """

    id: UUID
    agency_id: UUID
    service_id: UUID
    title: str
    status: PlanStatus
    document_number: None | str
    document_date: datetime.date | None
    progress: ProgressCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id = str(self.agency_id)

        service_id = str(self.service_id)

        title = self.title

        status = self.status.value

        document_number: None | str
        document_number = self.document_number

        document_date: None | str
        if isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        progress = self.progress.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "service_id": service_id,
                "title": title,
                "status": status,
                "document_number": document_number,
                "document_date": document_date,
                "progress": progress,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_counts import ProgressCounts

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        agency_id = UUID(d.pop("agency_id"))

        service_id = UUID(d.pop("service_id"))

        title = d.pop("title")

        status = PlanStatus(d.pop("status"))

        def _parse_document_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_number = _parse_document_number(d.pop("document_number"))

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

        progress = ProgressCounts.from_dict(d.pop("progress"))

        plan_summary = cls(
            id=id,
            agency_id=agency_id,
            service_id=service_id,
            title=title,
            status=status,
            document_number=document_number,
            document_date=document_date,
            progress=progress,
        )

        plan_summary.additional_properties = d
        return plan_summary

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
