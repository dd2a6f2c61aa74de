from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.client_type import ClientType
from ..models.stage import Stage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feedback_payload_criteria import FeedbackPayloadCriteria


T = TypeVar("T", bound="FeedbackPayload")


@_attrs_define
class FeedbackPayload:
    """One accepted feedback. `comment` has phone numbers, e-mails and document numbers masked;
    contacts never leave feedback-api.

        Attributes:
            feedback_id (UUID):
            agency_id (UUID):
            channel (Channel):
            client_type (ClientType):
            rating (int):
            occurred_at (datetime.datetime):
            received_at (datetime.datetime):
            service_id (None | Unset | UUID):
            stage (None | Stage | Unset):
            touchpoint_id (None | Unset | UUID):
            criteria (FeedbackPayloadCriteria | Unset):
            comment (None | str | Unset):
    """

    feedback_id: UUID
    agency_id: UUID
    channel: Channel
    client_type: ClientType
    rating: int
    occurred_at: datetime.datetime
    received_at: datetime.datetime
    service_id: None | Unset | UUID = UNSET
    stage: None | Stage | Unset = UNSET
    touchpoint_id: None | Unset | UUID = UNSET
    criteria: FeedbackPayloadCriteria | Unset = UNSET
    comment: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feedback_id = str(self.feedback_id)

        agency_id = str(self.agency_id)

        channel = self.channel.value

        client_type = self.client_type.value

        rating = self.rating

        occurred_at = self.occurred_at.isoformat()

        received_at = self.received_at.isoformat()

        service_id: None | str | Unset
        if isinstance(self.service_id, Unset):
            service_id = UNSET
        elif isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        touchpoint_id: None | str | Unset
        if isinstance(self.touchpoint_id, Unset):
            touchpoint_id = UNSET
        elif isinstance(self.touchpoint_id, UUID):
            touchpoint_id = str(self.touchpoint_id)
        else:
            touchpoint_id = self.touchpoint_id

        criteria: dict[str, Any] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = self.criteria.to_dict()

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feedback_id": feedback_id,
                "agency_id": agency_id,
                "channel": channel,
                "client_type": client_type,
                "rating": rating,
                "occurred_at": occurred_at,
                "received_at": received_at,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if stage is not UNSET:
            field_dict["stage"] = stage
        if touchpoint_id is not UNSET:
            field_dict["touchpoint_id"] = touchpoint_id
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feedback_payload_criteria import FeedbackPayloadCriteria

        d = dict(src_dict)
        feedback_id = UUID(d.pop("feedback_id"))

        agency_id = UUID(d.pop("agency_id"))

        channel = Channel(d.pop("channel"))

        client_type = ClientType(d.pop("client_type"))

        rating = d.pop("rating")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

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

        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_touchpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                touchpoint_id_type_0 = UUID(data)

                return touchpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        touchpoint_id = _parse_touchpoint_id(d.pop("touchpoint_id", UNSET))

        _criteria = d.pop("criteria", UNSET)
        criteria: FeedbackPayloadCriteria | Unset
        if isinstance(_criteria, Unset):
            criteria = UNSET
        else:
            criteria = FeedbackPayloadCriteria.from_dict(_criteria)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        feedback_payload = cls(
            feedback_id=feedback_id,
            agency_id=agency_id,
            channel=channel,
            client_type=client_type,
            rating=rating,
            occurred_at=occurred_at,
            received_at=received_at,
            service_id=service_id,
            stage=stage,
            touchpoint_id=touchpoint_id,
            criteria=criteria,
            comment=comment,
        )

        feedback_payload.additional_properties = d
        return feedback_payload

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
