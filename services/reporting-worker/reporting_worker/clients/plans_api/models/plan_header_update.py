from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanHeaderUpdate")


@_attrs_define
class PlanHeaderUpdate:
    """
    Attributes:
        title (None | str | Unset):
        approving_official (None | str | Unset):
        document_number (None | str | Unset):
        document_date (datetime.date | None | Unset):
        revision_reason (None | str | Unset): Required once the plan is approved: why it changes (kept in the history)
    """

    title: None | str | Unset = UNSET
    approving_official: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    document_date: datetime.date | None | Unset = UNSET
    revision_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        approving_official: None | str | Unset
        if isinstance(self.approving_official, Unset):
            approving_official = UNSET
        else:
            approving_official = self.approving_official

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        revision_reason: None | str | Unset
        if isinstance(self.revision_reason, Unset):
            revision_reason = UNSET
        else:
            revision_reason = self.revision_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if approving_official is not UNSET:
            field_dict["approving_official"] = approving_official
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if document_date is not UNSET:
            field_dict["document_date"] = document_date
        if revision_reason is not UNSET:
            field_dict["revision_reason"] = revision_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_approving_official(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approving_official = _parse_approving_official(d.pop("approving_official", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

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

        def _parse_revision_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision_reason = _parse_revision_reason(d.pop("revision_reason", UNSET))

        plan_header_update = cls(
            title=title,
            approving_official=approving_official,
            document_number=document_number,
            document_date=document_date,
            revision_reason=revision_reason,
        )

        return plan_header_update
