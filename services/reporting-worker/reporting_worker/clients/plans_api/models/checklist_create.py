from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_create_answers import ChecklistCreateAnswers
    from ..models.checklist_create_comments import ChecklistCreateComments


T = TypeVar("T", bound="ChecklistCreate")


@_attrs_define
class ChecklistCreate:
    """
    Attributes:
        answers (ChecklistCreateAnswers): Per leaf item of the template; may be partial (a draft)
        comments (ChecklistCreateComments | Unset):
        template_version (int | None | Unset): Default: the newest
    """

    answers: ChecklistCreateAnswers
    comments: ChecklistCreateComments | Unset = UNSET
    template_version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        comments: dict[str, Any] | Unset = UNSET
        if not isinstance(self.comments, Unset):
            comments = self.comments.to_dict()

        template_version: int | None | Unset
        if isinstance(self.template_version, Unset):
            template_version = UNSET
        else:
            template_version = self.template_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if comments is not UNSET:
            field_dict["comments"] = comments
        if template_version is not UNSET:
            field_dict["template_version"] = template_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_create_answers import ChecklistCreateAnswers
        from ..models.checklist_create_comments import ChecklistCreateComments

        d = dict(src_dict)
        answers = ChecklistCreateAnswers.from_dict(d.pop("answers"))

        _comments = d.pop("comments", UNSET)
        comments: ChecklistCreateComments | Unset
        if isinstance(_comments, Unset):
            comments = UNSET
        else:
            comments = ChecklistCreateComments.from_dict(_comments)

        def _parse_template_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_version = _parse_template_version(d.pop("template_version", UNSET))

        checklist_create = cls(
            answers=answers,
            comments=comments,
            template_version=template_version,
        )

        return checklist_create
