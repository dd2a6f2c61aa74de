from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_status import FeedbackStatus

T = TypeVar("T", bound="FeedbackStatusRead")


@_attrs_define
class FeedbackStatusRead:
    """What a portal polls to show the citizen where the feedback is.

    Attributes:
        id (UUID):
        status (FeedbackStatus):
        received_at (datetime.datetime):
        answer_due_at (datetime.datetime | None):
        answer (None | str):
        answered_at (datetime.datetime | None):
        answer_number (int): 0 before the first answer; grows with re-answers
        closed_at (datetime.datetime | None):
    """

    id: UUID
    status: FeedbackStatus
    received_at: datetime.datetime
    answer_due_at: datetime.datetime | None
    answer: None | str
    answered_at: datetime.datetime | None
    answer_number: int
    closed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        received_at = self.received_at.isoformat()

        answer_due_at: None | str
        if isinstance(self.answer_due_at, datetime.datetime):
            answer_due_at = self.answer_due_at.isoformat()
        else:
            answer_due_at = self.answer_due_at

        answer: None | str
        answer = self.answer

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        answer_number = self.answer_number

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
                "status": status,
                "received_at": received_at,
                "answer_due_at": answer_due_at,
                "answer": answer,
                "answered_at": answered_at,
                "answer_number": answer_number,
                "closed_at": closed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = FeedbackStatus(d.pop("status"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

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

        def _parse_answer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer = _parse_answer(d.pop("answer"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        answer_number = d.pop("answer_number")

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

        feedback_status_read = cls(
            id=id,
            status=status,
            received_at=received_at,
            answer_due_at=answer_due_at,
            answer=answer,
            answered_at=answered_at,
            answer_number=answer_number,
            closed_at=closed_at,
        )

        feedback_status_read.additional_properties = d
        return feedback_status_read

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
