from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus

T = TypeVar("T", bound="SurveyRunRead")


@_attrs_define
class SurveyRunRead:
    """
    Attributes:
        id (UUID):
        agency_id (UUID):
        service_id (None | UUID):
        template_id (UUID):
        template_code (str):
        template_title (str):
        title (str):
        starts_on (datetime.date):
        ends_on (datetime.date | None):
        status (RunStatus):
        token (str): The secret of the public link
        public_url (str): Path of the public form (no key needed)
        created_at (datetime.datetime):
        closed_at (datetime.datetime | None):
    """

    id: UUID
    agency_id: UUID
    service_id: None | UUID
    template_id: UUID
    template_code: str
    template_title: str
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    status: RunStatus
    token: str
    public_url: str
    created_at: datetime.datetime
    closed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id = str(self.agency_id)

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        template_id = str(self.template_id)

        template_code = self.template_code

        template_title = self.template_title

        title = self.title

        starts_on = self.starts_on.isoformat()

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        status = self.status.value

        token = self.token

        public_url = self.public_url

        created_at = self.created_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "service_id": service_id,
                "template_id": template_id,
                "template_code": template_code,
                "template_title": template_title,
                "title": title,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "status": status,
                "token": token,
                "public_url": public_url,
                "created_at": created_at,
                "closed_at": closed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        agency_id = UUID(d.pop("agency_id"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("service_id"))

        template_id = UUID(d.pop("template_id"))

        template_code = d.pop("template_code")

        template_title = d.pop("template_title")

        title = d.pop("title")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

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

        status = RunStatus(d.pop("status"))

        token = d.pop("token")

        public_url = d.pop("public_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        survey_run_read = cls(
            id=id,
            agency_id=agency_id,
            service_id=service_id,
            template_id=template_id,
            template_code=template_code,
            template_title=template_title,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            token=token,
            public_url=public_url,
            created_at=created_at,
            closed_at=closed_at,
        )

        survey_run_read.additional_properties = d
        return survey_run_read

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
