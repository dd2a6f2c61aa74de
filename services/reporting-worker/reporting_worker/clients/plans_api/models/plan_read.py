from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus

if TYPE_CHECKING:
    from ..models.plan_row_read import PlanRowRead
    from ..models.progress_counts import ProgressCounts
    from ..models.template_footnote import TemplateFootnote


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        id (UUID):
        agency_id (UUID):
        service_id (UUID):
        checklist_id (None | UUID):
        template_code (str):
        template_version (int):
        title (str):
        approving_official (None | str):
        document_number (None | str):
        document_date (datetime.date | None):
        status (PlanStatus):
        approved_at (datetime.datetime | None):
        completed_at (datetime.datetime | None):
        revision (int):
        progress (ProgressCounts):
        rows (list[PlanRowRead]):
        footnotes (list[TemplateFootnote]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    agency_id: UUID
    service_id: UUID
    checklist_id: None | UUID
    template_code: str
    template_version: int
    title: str
    approving_official: None | str
    document_number: None | str
    document_date: datetime.date | None
    status: PlanStatus
    approved_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    revision: int
    progress: ProgressCounts
    rows: list[PlanRowRead]
    footnotes: list[TemplateFootnote]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id = str(self.agency_id)

        service_id = str(self.service_id)

        checklist_id: None | str
        if isinstance(self.checklist_id, UUID):
            checklist_id = str(self.checklist_id)
        else:
            checklist_id = self.checklist_id

        template_code = self.template_code

        template_version = self.template_version

        title = self.title

        approving_official: None | str
        approving_official = self.approving_official

        document_number: None | str
        document_number = self.document_number

        document_date: None | str
        if isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        status = self.status.value

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        revision = self.revision

        progress = self.progress.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        footnotes = []
        for footnotes_item_data in self.footnotes:
            footnotes_item = footnotes_item_data.to_dict()
            footnotes.append(footnotes_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "service_id": service_id,
                "checklist_id": checklist_id,
                "template_code": template_code,
                "template_version": template_version,
                "title": title,
                "approving_official": approving_official,
                "document_number": document_number,
                "document_date": document_date,
                "status": status,
                "approved_at": approved_at,
                "completed_at": completed_at,
                "revision": revision,
                "progress": progress,
                "rows": rows,
                "footnotes": footnotes,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_row_read import PlanRowRead
        from ..models.progress_counts import ProgressCounts
        from ..models.template_footnote import TemplateFootnote

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        agency_id = UUID(d.pop("agency_id"))

        service_id = UUID(d.pop("service_id"))

        def _parse_checklist_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checklist_id_type_0 = UUID(data)

                return checklist_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        checklist_id = _parse_checklist_id(d.pop("checklist_id"))

        template_code = d.pop("template_code")

        template_version = d.pop("template_version")

        title = d.pop("title")

        def _parse_approving_official(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approving_official = _parse_approving_official(d.pop("approving_official"))

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

        status = PlanStatus(d.pop("status"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        revision = d.pop("revision")

        progress = ProgressCounts.from_dict(d.pop("progress"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = PlanRowRead.from_dict(rows_item_data)

            rows.append(rows_item)

        footnotes = []
        _footnotes = d.pop("footnotes")
        for footnotes_item_data in _footnotes:
            footnotes_item = TemplateFootnote.from_dict(footnotes_item_data)

            footnotes.append(footnotes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        plan_read = cls(
            id=id,
            agency_id=agency_id,
            service_id=service_id,
            checklist_id=checklist_id,
            template_code=template_code,
            template_version=template_version,
            title=title,
            approving_official=approving_official,
            document_number=document_number,
            document_date=document_date,
            status=status,
            approved_at=approved_at,
            completed_at=completed_at,
            revision=revision,
            progress=progress,
            rows=rows,
            footnotes=footnotes,
            created_at=created_at,
            updated_at=updated_at,
        )

        plan_read.additional_properties = d
        return plan_read

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
