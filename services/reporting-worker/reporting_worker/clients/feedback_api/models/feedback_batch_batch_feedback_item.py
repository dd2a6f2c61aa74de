from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.channel import Channel
from ..models.client_type import ClientType
from ..models.stage import Stage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_in import ContactIn
    from ..models.criteria_ratings import CriteriaRatings


T = TypeVar("T", bound="FeedbackBatchBatchFeedbackItem")


@_attrs_define
class FeedbackBatchBatchFeedbackItem:
    """
    Attributes:
        channel (Channel):
        rating (int): Overall rating, 1 (worst) to 5 (best)
        occurred_at (datetime.datetime): When the interaction happened (with a time zone; not in the future, at most a
            year ago)
        service_id (None | Unset | UUID): The state service; leave out for feedback on the interaction as a whole (the
            site, the app, the agency) and give `agency_id` instead
        agency_id (None | Unset | UUID): Needed without a service; with one, must be its agency
        stage (None | Stage | Unset): The stage of the client path; required with a service
        touchpoint_id (None | Unset | UUID): A touchpoint of the agency's registry
        criteria (CriteriaRatings | Unset): The five criteria of the federal rating of state services, each 1–5.
        comment (None | str | Unset):
        case_number (None | str | Unset): The citizen's case or application number: links one case across stages
        client_type (ClientType | Unset):
        answer_requested (bool | Unset): The citizen asks for an answer to the comment Default: False.
        contact (ContactIn | None | Unset):
        idempotency_key (None | str | Unset): Per item, like the `Idempotency-Key` header: a resent item is not stored
            twice and gets its original receipt
    """

    channel: Channel
    rating: int
    occurred_at: datetime.datetime
    service_id: None | Unset | UUID = UNSET
    agency_id: None | Unset | UUID = UNSET
    stage: None | Stage | Unset = UNSET
    touchpoint_id: None | Unset | UUID = UNSET
    criteria: CriteriaRatings | Unset = UNSET
    comment: None | str | Unset = UNSET
    case_number: None | str | Unset = UNSET
    client_type: ClientType | Unset = UNSET
    answer_requested: bool | Unset = False
    contact: ContactIn | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_in import ContactIn

        channel = self.channel.value

        rating = self.rating

        occurred_at = self.occurred_at.isoformat()

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

        case_number: None | str | Unset
        if isinstance(self.case_number, Unset):
            case_number = UNSET
        else:
            case_number = self.case_number

        client_type: str | Unset = UNSET
        if not isinstance(self.client_type, Unset):
            client_type = self.client_type.value

        answer_requested = self.answer_requested

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactIn):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "rating": rating,
                "occurred_at": occurred_at,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if stage is not UNSET:
            field_dict["stage"] = stage
        if touchpoint_id is not UNSET:
            field_dict["touchpoint_id"] = touchpoint_id
        if criteria is not UNSET:
            field_dict["criteria"] = criteria
        if comment is not UNSET:
            field_dict["comment"] = comment
        if case_number is not UNSET:
            field_dict["case_number"] = case_number
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if answer_requested is not UNSET:
            field_dict["answer_requested"] = answer_requested
        if contact is not UNSET:
            field_dict["contact"] = contact
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_in import ContactIn
        from ..models.criteria_ratings import CriteriaRatings

        d = dict(src_dict)
        channel = Channel(d.pop("channel"))

        rating = d.pop("rating")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

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
        criteria: CriteriaRatings | Unset
        if isinstance(_criteria, Unset):
            criteria = UNSET
        else:
            criteria = CriteriaRatings.from_dict(_criteria)

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_case_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_number = _parse_case_number(d.pop("case_number", UNSET))

        _client_type = d.pop("client_type", UNSET)
        client_type: ClientType | Unset
        if isinstance(_client_type, Unset):
            client_type = UNSET
        else:
            client_type = ClientType(_client_type)

        answer_requested = d.pop("answer_requested", UNSET)

        def _parse_contact(data: object) -> ContactIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactIn.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactIn | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        feedback_batch_batch_feedback_item = cls(
            channel=channel,
            rating=rating,
            occurred_at=occurred_at,
            service_id=service_id,
            agency_id=agency_id,
            stage=stage,
            touchpoint_id=touchpoint_id,
            criteria=criteria,
            comment=comment,
            case_number=case_number,
            client_type=client_type,
            answer_requested=answer_requested,
            contact=contact,
            idempotency_key=idempotency_key,
        )

        return feedback_batch_batch_feedback_item
