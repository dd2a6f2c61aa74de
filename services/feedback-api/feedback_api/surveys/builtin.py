"""Built-in survey templates: read-only reference data shipped with the code (data/*.json)."""

import functools
import uuid
from pathlib import Path

from pydantic import BaseModel

from feedback_api.surveys.questions import question_errors
from feedback_api.surveys.schemas import TemplateDefinition

DATA_FILE = Path(__file__).parent / "data" / "builtin_templates.json"
# fixed forever: the ids of built-in templates are derived from their codes
BUILTIN_NAMESPACE = uuid.UUID("7d3e3f0c-2b7a-4c54-9b0e-5a8f1c2d6e01")


class _BuiltinFile(BaseModel):
    templates: list[TemplateDefinition]


def builtin_id(code: str) -> uuid.UUID:
    return uuid.uuid5(BUILTIN_NAMESPACE, code)


@functools.cache
def builtin_templates() -> dict[uuid.UUID, TemplateDefinition]:
    """By id, in file order; a file that breaks the template rules fails loudly."""
    loaded = _BuiltinFile.model_validate_json(DATA_FILE.read_text(encoding="utf-8"))
    templates = {}
    for template in loaded.templates:
        if errors := question_errors(template.questions):
            raise ValueError(f"built-in survey template {template.code}: {errors}")
        templates[builtin_id(template.code)] = template
    return templates


def builtin_codes() -> frozenset[str]:
    return frozenset(t.code for t in builtin_templates().values())
