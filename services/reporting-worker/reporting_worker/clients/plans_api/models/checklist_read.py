from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_counts import AnswerCounts
    from ..models.checklist_read_answers import ChecklistReadAnswers
    from ..models.checklist_read_comments import ChecklistReadComments


T = TypeVar("T", bound="ChecklistRead")


@_attrs_define
class ChecklistRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        agency_id (UUID):
        template_code (str):
        template_version (int):
        answers (ChecklistReadAnswers):
        comments (ChecklistReadComments):
        complete (bool): Every leaf item of the template is answered
        unanswered (list[str]):
        counts (AnswerCounts):
        plan_id (None | UUID): The plan generated from it, if any
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    agency_id: UUID
    template_code: str
    template_version: int
    answers: ChecklistReadAnswers
    comments: ChecklistReadComments
    complete: bool
    unanswered: list[str]
    counts: AnswerCounts
    plan_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        agency_id = str(self.agency_id)

        template_code = self.template_code

        template_version = self.template_version

        answers = self.answers.to_dict()

        comments = self.comments.to_dict()

        complete = self.complete

        unanswered = self.unanswered

        counts = self.counts.to_dict()

        plan_id: None | str
        if isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "agency_id": agency_id,
                "template_code": template_code,
                "template_version": template_version,
                "answers": answers,
                "comments": comments,
                "complete": complete,
                "unanswered": unanswered,
                "counts": counts,
                "plan_id": plan_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_counts import AnswerCounts
        from ..models.checklist_read_answers import ChecklistReadAnswers
        from ..models.checklist_read_comments import ChecklistReadComments

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        agency_id = UUID(d.pop("agency_id"))

        template_code = d.pop("template_code")

        template_version = d.pop("template_version")

        answers = ChecklistReadAnswers.from_dict(d.pop("answers"))

        comments = ChecklistReadComments.from_dict(d.pop("comments"))

        complete = d.pop("complete")

        unanswered = cast(list[str], d.pop("unanswered"))

        counts = AnswerCounts.from_dict(d.pop("counts"))

        def _parse_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)

                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        checklist_read = cls(
            id=id,
            service_id=service_id,
            agency_id=agency_id,
            template_code=template_code,
            template_version=template_version,
            answers=answers,
            comments=comments,
            complete=complete,
            unanswered=unanswered,
            counts=counts,
            plan_id=plan_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        checklist_read.additional_properties = d
        return checklist_read

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
