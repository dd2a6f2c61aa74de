from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revision_read_changes_item import RevisionReadChangesItem


T = TypeVar("T", bound="RevisionRead")


@_attrs_define
class RevisionRead:
    """
    Attributes:
        number (int):
        reason (str):
        changes (list[RevisionReadChangesItem]):
        actor (str):
        created_at (datetime.datetime):
    """

    number: int
    reason: str
    changes: list[RevisionReadChangesItem]
    actor: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        reason = self.reason

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        actor = self.actor

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "reason": reason,
                "changes": changes,
                "actor": actor,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revision_read_changes_item import RevisionReadChangesItem

        d = dict(src_dict)
        number = d.pop("number")

        reason = d.pop("reason")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = RevisionReadChangesItem.from_dict(changes_item_data)

            changes.append(changes_item)

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        revision_read = cls(
            number=number,
            reason=reason,
            changes=changes,
            actor=actor,
            created_at=created_at,
        )

        revision_read.additional_properties = d
        return revision_read

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
