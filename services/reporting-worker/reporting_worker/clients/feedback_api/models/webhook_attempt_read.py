from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookAttemptRead")


@_attrs_define
class WebhookAttemptRead:
    """
    Attributes:
        id (UUID):
        feedback_id (UUID):
        answer_number (int):
        attempt (int): 1 for the first try of this answer's delivery
        url (str):
        status_code (int | None): The endpoint's HTTP status; null on no answer
        error (None | str):
        duration_ms (int):
        delivered (bool):
        at (datetime.datetime):
    """

    id: UUID
    feedback_id: UUID
    answer_number: int
    attempt: int
    url: str
    status_code: int | None
    error: None | str
    duration_ms: int
    delivered: bool
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        feedback_id = str(self.feedback_id)

        answer_number = self.answer_number

        attempt = self.attempt

        url = self.url

        status_code: int | None
        status_code = self.status_code

        error: None | str
        error = self.error

        duration_ms = self.duration_ms

        delivered = self.delivered

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "feedback_id": feedback_id,
                "answer_number": answer_number,
                "attempt": attempt,
                "url": url,
                "status_code": status_code,
                "error": error,
                "duration_ms": duration_ms,
                "delivered": delivered,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        feedback_id = UUID(d.pop("feedback_id"))

        answer_number = d.pop("answer_number")

        attempt = d.pop("attempt")

        url = d.pop("url")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        duration_ms = d.pop("duration_ms")

        delivered = d.pop("delivered")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        webhook_attempt_read = cls(
            id=id,
            feedback_id=feedback_id,
            answer_number=answer_number,
            attempt=attempt,
            url=url,
            status_code=status_code,
            error=error,
            duration_ms=duration_ms,
            delivered=delivered,
            at=at,
        )

        webhook_attempt_read.additional_properties = d
        return webhook_attempt_read

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
