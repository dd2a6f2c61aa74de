from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SurveyRunCreate")


@_attrs_define
class SurveyRunCreate:
    """
    Attributes:
        template_id (UUID): A built-in template or one of the agency's
        title (str):
        starts_on (datetime.date): First day the link takes answers (Moscow time)
        service_id (None | Unset | UUID): The service surveyed; leave out for the agency as a whole
        agency_id (None | Unset | UUID): Needed without a service (unless the key is bound to one)
        ends_on (datetime.date | None | Unset): Last day; leave out for a permanent link, analysed monthly
    """

    template_id: UUID
    title: str
    starts_on: datetime.date
    service_id: None | Unset | UUID = UNSET
    agency_id: None | Unset | UUID = UNSET
    ends_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template_id = str(self.template_id)

        title = self.title

        starts_on = self.starts_on.isoformat()

        service_id: None | str | Unset
        if isinstance(self.service_id, Unset):
            service_id = UNSET
        elif isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        agency_id: None | str | Unset
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_id": template_id,
                "title": title,
                "starts_on": starts_on,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template_id = UUID(d.pop("template_id"))

        title = d.pop("title")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_service_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        service_id = _parse_service_id(d.pop("service_id", UNSET))

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

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        survey_run_create = cls(
            template_id=template_id,
            title=title,
            starts_on=starts_on,
            service_id=service_id,
            agency_id=agency_id,
            ends_on=ends_on,
        )

        return survey_run_create
