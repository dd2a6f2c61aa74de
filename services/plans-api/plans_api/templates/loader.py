"""Plan templates are reference data shipped with the code, one JSON file per version."""

import functools
from collections.abc import Iterator
from pathlib import Path

from otklik_kit.errors import NotFound
from plans_api.templates.schemas import PlanTemplate, TemplateNode

DATA_DIR = Path(__file__).parent / "data"


@functools.cache
def all_templates() -> dict[tuple[str, int], PlanTemplate]:
    templates = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        template = PlanTemplate.model_validate_json(path.read_text(encoding="utf-8"))
        templates[(template.code, template.version)] = template
    return templates


def get_template(code: str, version: int | None = None) -> PlanTemplate:
    versions = [v for (c, v) in all_templates() if c == code]
    if not versions or (version is not None and version not in versions):
        wanted = f"{code} v{version}" if version is not None else code
        raise NotFound(f"Plan template {wanted} not found")
    return all_templates()[(code, version if version is not None else max(versions))]


def walk(nodes: list[TemplateNode]) -> Iterator[tuple[TemplateNode, list[TemplateNode]]]:
    """Every node in document order with its ancestors (section first)."""
    stack: list[tuple[list[TemplateNode], list[TemplateNode]]] = [(list(nodes), [])]
    while stack:
        pending, ancestors = stack.pop()
        if not pending:
            continue
        node, rest = pending[0], pending[1:]
        stack.append((rest, ancestors))
        yield node, ancestors
        if node.children:
            stack.append((list(node.children), [*ancestors, node]))


def leaf_numbers(template: PlanTemplate) -> list[str]:
    """The items a checklist answers, in template order."""
    return [node.number for node, _ in walk(template.nodes) if node.kind == "item"]
