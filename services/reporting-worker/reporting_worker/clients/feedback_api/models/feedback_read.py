from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.client_type import ClientType
from ..models.feedback_read_sentiment_type_0 import FeedbackReadSentimentType0
from ..models.feedback_status import FeedbackStatus
from ..models.pain_category import PainCategory
from ..models.stage import Stage

if TYPE_CHECKING:
    from ..models.criteria_ratings import CriteriaRatings


T = TypeVar("T", bound="FeedbackRead")


@_attrs_define
class FeedbackRead:
    """A feedback as an operator sees it (never with contact details).

    Attributes:
        id (UUID):
        received_at (datetime.datetime):
        agency_id (UUID):
        service_id (None | UUID):
        stage (None | Stage):
        channel (Channel):
        touchpoint_id (None | UUID):
        client_type (ClientType):
        rating (int):
        criteria (CriteriaRatings): The five criteria of the federal rating of state services, each 1–5.
        comment (None | str):
        case_number (None | str):
        occurred_at (datetime.datetime):
        answer_requested (bool):
        has_contact (bool):
        needs_review (bool):
        status (FeedbackStatus):
        acknowledged_at (datetime.datetime | None):
        answer_due_at (datetime.datetime | None):
        overdue (bool):
        assignee (None | str):
        answer (None | str):
        answered_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        categories (list[PainCategory]):
        sentiment (FeedbackReadSentimentType0 | None):
    """

    id: UUID
    received_at: datetime.datetime
    agency_id: UUID
    service_id: None | UUID
    stage: None | Stage
    channel: Channel
    touchpoint_id: None | UUID
    client_type: ClientType
    rating: int
    criteria: CriteriaRatings
    comment: None | str
    case_number: None | str
    occurred_at: datetime.datetime
    answer_requested: bool
    has_contact: bool
    needs_review: bool
    status: FeedbackStatus
    acknowledged_at: datetime.datetime | None
    answer_due_at: datetime.datetime | None
    overdue: bool
    assignee: None | str
    answer: None | str
    answered_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    categories: list[PainCategory]
    sentiment: FeedbackReadSentimentType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        received_at = self.received_at.isoformat()

        agency_id = str(self.agency_id)

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        stage: None | str
        if isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        channel = self.channel.value

        touchpoint_id: None | str
        if isinstance(self.touchpoint_id, UUID):
            touchpoint_id = str(self.touchpoint_id)
        else:
            touchpoint_id = self.touchpoint_id

        client_type = self.client_type.value

        rating = self.rating

        criteria = self.criteria.to_dict()

        comment: None | str
        comment = self.comment

        case_number: None | str
        case_number = self.case_number

        occurred_at = self.occurred_at.isoformat()

        answer_requested = self.answer_requested

        has_contact = self.has_contact

        needs_review = self.needs_review

        status = self.status.value

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        answer_due_at: None | str
        if isinstance(self.answer_due_at, datetime.datetime):
            answer_due_at = self.answer_due_at.isoformat()
        else:
            answer_due_at = self.answer_due_at

        overdue = self.overdue

        assignee: None | str
        assignee = self.assignee

        answer: None | str
        answer = self.answer

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        sentiment: None | str
        if isinstance(self.sentiment, FeedbackReadSentimentType0):
            sentiment = self.sentiment.value
        else:
            sentiment = self.sentiment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "received_at": received_at,
                "agency_id": agency_id,
                "service_id": service_id,
                "stage": stage,
                "channel": channel,
                "touchpoint_id": touchpoint_id,
                "client_type": client_type,
                "rating": rating,
                "criteria": criteria,
                "comment": comment,
                "case_number": case_number,
                "occurred_at": occurred_at,
                "answer_requested": answer_requested,
                "has_contact": has_contact,
                "needs_review": needs_review,
                "status": status,
                "acknowledged_at": acknowledged_at,
                "answer_due_at": answer_due_at,
                "overdue": overdue,
                "assignee": assignee,
                "answer": answer,
                "answered_at": answered_at,
                "closed_at": closed_at,
                "categories": categories,
                "sentiment": sentiment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria_ratings import CriteriaRatings

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        agency_id = UUID(d.pop("agency_id"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("service_id"))

        def _parse_stage(data: object) -> None | Stage:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage, data)

        stage = _parse_stage(d.pop("stage"))

        channel = Channel(d.pop("channel"))

        def _parse_touchpoint_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                touchpoint_id_type_0 = UUID(data)

                return touchpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        touchpoint_id = _parse_touchpoint_id(d.pop("touchpoint_id"))

        client_type = ClientType(d.pop("client_type"))

        rating = d.pop("rating")

        criteria = CriteriaRatings.from_dict(d.pop("criteria"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_case_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        case_number = _parse_case_number(d.pop("case_number"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        answer_requested = d.pop("answer_requested")

        has_contact = d.pop("has_contact")

        needs_review = d.pop("needs_review")

        status = FeedbackStatus(d.pop("status"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

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

        overdue = d.pop("overdue")

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

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

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = PainCategory(categories_item_data)

            categories.append(categories_item)

        def _parse_sentiment(data: object) -> FeedbackReadSentimentType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sentiment_type_0 = FeedbackReadSentimentType0(data)

                return sentiment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedbackReadSentimentType0 | None, data)

        sentiment = _parse_sentiment(d.pop("sentiment"))

        feedback_read = cls(
            id=id,
            received_at=received_at,
            agency_id=agency_id,
            service_id=service_id,
            stage=stage,
            channel=channel,
            touchpoint_id=touchpoint_id,
            client_type=client_type,
            rating=rating,
            criteria=criteria,
            comment=comment,
            case_number=case_number,
            occurred_at=occurred_at,
            answer_requested=answer_requested,
            has_contact=has_contact,
            needs_review=needs_review,
            status=status,
            acknowledged_at=acknowledged_at,
            answer_due_at=answer_due_at,
            overdue=overdue,
            assignee=assignee,
            answer=answer,
            answered_at=answered_at,
            closed_at=closed_at,
            categories=categories,
            sentiment=sentiment,
        )

        feedback_read.additional_properties = d
        return feedback_read

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
