from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_update_answers import ChecklistUpdateAnswers
    from ..models.checklist_update_comments import ChecklistUpdateComments


T = TypeVar("T", bound="ChecklistUpdate")


@_attrs_define
class ChecklistUpdate:
    """
    Attributes:
        answers (ChecklistUpdateAnswers | Unset): Merged into the saved answers
        comments (ChecklistUpdateComments | Unset):
    """

    answers: ChecklistUpdateAnswers | Unset = UNSET
    comments: ChecklistUpdateComments | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        comments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.comments, Unset):
            comments = self.comments.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answers is not UNSET:
            field_dict["answers"] = answers
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_update_answers import ChecklistUpdateAnswers
        from ..models.checklist_update_comments import ChecklistUpdateComments

        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: ChecklistUpdateAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = ChecklistUpdateAnswers.from_dict(_answers)

        _comments = d.pop("comments", UNSET)
        comments: ChecklistUpdateComments | Unset
        if isinstance(_comments, Unset):
            comments = UNSET
        else:
            comments = ChecklistUpdateComments.from_dict(_comments)

        checklist_update = cls(
            answers=answers,
            comments=comments,
        )

        return checklist_update
