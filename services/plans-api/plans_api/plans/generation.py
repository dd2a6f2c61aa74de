"""The rule of seed 000: items answered «нет» go into the plan, with the headers above them.

«да» (already done) and «не применимо» leave an item out; a section or group header appears only
when at least one of its items is in. Numbering, texts, results and footnotes stay as in the
template, in template order.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from plans_api.templates.loader import walk
from plans_api.templates.schemas import PlanTemplate, TemplateNode

POSITION_STEP = 1000  # gaps leave room for custom items between template rows


@dataclass(frozen=True)
class GeneratedRow:
    position: int
    node: TemplateNode


def generate_rows(template: PlanTemplate, answers: Mapping[str, str]) -> list[GeneratedRow]:
    included: list[TemplateNode] = []
    seen_headers: set[str] = set()
    for node, ancestors in walk(template.nodes):
        if node.kind != "item" or answers.get(node.number) != "no":
            continue
        for header in ancestors:
            if header.number not in seen_headers:
                seen_headers.add(header.number)
                included.append(header)
        included.append(node)
    return [
        GeneratedRow(position=(index + 1) * POSITION_STEP, node=node)
        for index, node in enumerate(included)
    ]


def plan_title(service_title: str) -> str:
    return f"План мероприятий по оптимизации государственной услуги «{service_title}»"
