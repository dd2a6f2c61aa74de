from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.template_footnote import TemplateFootnote
    from ..models.template_node import TemplateNode


T = TypeVar("T", bound="PlanTemplate")


@_attrs_define
class PlanTemplate:
    """
    Attributes:
        code (str):
        version (int):
        title (str):
        preamble (str):
        footnotes (list[TemplateFootnote]):
        nodes (list[TemplateNode]):
    """

    code: str
    version: int
    title: str
    preamble: str
    footnotes: list[TemplateFootnote]
    nodes: list[TemplateNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        version = self.version

        title = self.title

        preamble = self.preamble

        footnotes = []
        for footnotes_item_data in self.footnotes:
            footnotes_item = footnotes_item_data.to_dict()
            footnotes.append(footnotes_item)

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "version": version,
                "title": title,
                "preamble": preamble,
                "footnotes": footnotes,
                "nodes": nodes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_footnote import TemplateFootnote
        from ..models.template_node import TemplateNode

        d = dict(src_dict)
        code = d.pop("code")

        version = d.pop("version")

        title = d.pop("title")

        preamble = d.pop("preamble")

        footnotes = []
        _footnotes = d.pop("footnotes")
        for footnotes_item_data in _footnotes:
            footnotes_item = TemplateFootnote.from_dict(footnotes_item_data)

            footnotes.append(footnotes_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = TemplateNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        plan_template = cls(
            code=code,
            version=version,
            title=title,
            preamble=preamble,
            footnotes=footnotes,
            nodes=nodes,
        )

        plan_template.additional_properties = d
        return plan_template

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
