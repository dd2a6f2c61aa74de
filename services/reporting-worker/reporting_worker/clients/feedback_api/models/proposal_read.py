from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProposalRead")


@_attrs_define
class ProposalRead:
    """
    Attributes:
        id (UUID):
        feedback_id (UUID):
        agency_id (UUID):
        title (str):
        rationale (None | str):
        proposed_by (str):
        created_at (datetime.datetime):
    """

    id: UUID
    feedback_id: UUID
    agency_id: UUID
    title: str
    rationale: None | str
    proposed_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        feedback_id = str(self.feedback_id)

        agency_id = str(self.agency_id)

        title = self.title

        rationale: None | str
        rationale = self.rationale

        proposed_by = self.proposed_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "feedback_id": feedback_id,
                "agency_id": agency_id,
                "title": title,
                "rationale": rationale,
                "proposed_by": proposed_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        feedback_id = UUID(d.pop("feedback_id"))

        agency_id = UUID(d.pop("agency_id"))

        title = d.pop("title")

        def _parse_rationale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rationale = _parse_rationale(d.pop("rationale"))

        proposed_by = d.pop("proposed_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        proposal_read = cls(
            id=id,
            feedback_id=feedback_id,
            agency_id=agency_id,
            title=title,
            rationale=rationale,
            proposed_by=proposed_by,
            created_at=created_at,
        )

        proposal_read.additional_properties = d
        return proposal_read

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
