from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlanApproval")


@_attrs_define
class PlanApproval:
    """
    Attributes:
        approving_official (str):
        document_number (str):
        document_date (datetime.date):
    """

    approving_official: str
    document_number: str
    document_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        approving_official = self.approving_official

        document_number = self.document_number

        document_date = self.document_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approving_official": approving_official,
                "document_number": document_number,
                "document_date": document_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approving_official = d.pop("approving_official")

        document_number = d.pop("document_number")

        document_date = datetime.date.fromisoformat(d.pop("document_date"))

        plan_approval = cls(
            approving_official=approving_official,
            document_number=document_number,
            document_date=document_date,
        )

        return plan_approval
