from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_status import FeedbackStatus

T = TypeVar("T", bound="FeedbackReceipt")


@_attrs_define
class FeedbackReceipt:
    """What the client gets at once: the receipt, and when the answer is due.

    Attributes:
        id (UUID):
        status (FeedbackStatus):
        received_at (datetime.datetime):
        needs_review (bool):
        answer_due_at (datetime.datetime | None):
        message (str): The notice of receipt to show the citizen, in Russian
    """

    id: UUID
    status: FeedbackStatus
    received_at: datetime.datetime
    needs_review: bool
    answer_due_at: datetime.datetime | None
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        received_at = self.received_at.isoformat()

        needs_review = self.needs_review

        answer_due_at: None | str
        if isinstance(self.answer_due_at, datetime.datetime):
            answer_due_at = self.answer_due_at.isoformat()
        else:
            answer_due_at = self.answer_due_at

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "received_at": received_at,
                "needs_review": needs_review,
                "answer_due_at": answer_due_at,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = FeedbackStatus(d.pop("status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        needs_review = d.pop("needs_review")

        def _parse_answer_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return answer_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answer_due_at = _parse_answer_due_at(d.pop("answer_due_at"))

        message = d.pop("message")

        feedback_receipt = cls(
            id=id,
            status=status,
            received_at=received_at,
            needs_review=needs_review,
            answer_due_at=answer_due_at,
            message=message,
        )

        feedback_receipt.additional_properties = d
        return feedback_receipt

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
