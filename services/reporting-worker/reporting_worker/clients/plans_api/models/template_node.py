from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_document import ResultDocument
from ..models.template_node_kind import TemplateNodeKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TemplateNode")


@_attrs_define
class TemplateNode:
    """
    Attributes:
        number (str):
        kind (TemplateNodeKind):
        text (str):
        result (str): The «Результат» cell: documents that prove it done
        result_kinds (list[ResultDocument]):
        footnotes (list[str]): Marks of the footnotes this row carries
        control_point (Literal['survey_report'] | None | Unset): A control point closes only with survey evidence
        children (list[TemplateNode] | Unset):
    """

    number: str
    kind: TemplateNodeKind
    text: str
    result: str
    result_kinds: list[ResultDocument]
    footnotes: list[str]
    control_point: Literal["survey_report"] | None | Unset = UNSET
    children: list[TemplateNode] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        kind = self.kind.value

        text = self.text

        result = self.result

        result_kinds = []
        for result_kinds_item_data in self.result_kinds:
            result_kinds_item = result_kinds_item_data.value
            result_kinds.append(result_kinds_item)

        footnotes = self.footnotes

        control_point: Literal["survey_report"] | None | Unset
        if isinstance(self.control_point, Unset):
            control_point = UNSET
        else:
            control_point = self.control_point

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "kind": kind,
                "text": text,
                "result": result,
                "result_kinds": result_kinds,
                "footnotes": footnotes,
            }
        )
        if control_point is not UNSET:
            field_dict["control_point"] = control_point
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        kind = TemplateNodeKind(d.pop("kind"))

        text = d.pop("text")

        result = d.pop("result")

        result_kinds = []
        _result_kinds = d.pop("result_kinds")
        for result_kinds_item_data in _result_kinds:
            result_kinds_item = ResultDocument(result_kinds_item_data)

            result_kinds.append(result_kinds_item)

        footnotes = cast(list[str], d.pop("footnotes"))

        def _parse_control_point(data: object) -> Literal["survey_report"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            control_point_type_0 = cast(Literal["survey_report"], data)
            if control_point_type_0 != "survey_report":
                raise ValueError(
                    f"control_point_type_0 must match const 'survey_report', got '{control_point_type_0}'"
                )
            return control_point_type_0
            return cast(Literal["survey_report"] | None | Unset, data)

        control_point = _parse_control_point(d.pop("control_point", UNSET))

        _children = d.pop("children", UNSET)
        children: list[TemplateNode] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = TemplateNode.from_dict(children_item_data)

                children.append(children_item)

        template_node = cls(
            number=number,
            kind=kind,
            text=text,
            result=result,
            result_kinds=result_kinds,
            footnotes=footnotes,
            control_point=control_point,
            children=children,
        )

        template_node.additional_properties = d
        return template_node

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
