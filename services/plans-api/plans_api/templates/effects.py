"""Which stages and criteria each template item acts on (data/effects/*.json): what the report's
effect-of-measures section measures before and after an item is done."""

import functools
import json
from pathlib import Path

from pydantic import BaseModel

from otklik_shared.vocab import Criterion, Stage

EFFECTS_DIR = Path(__file__).parent / "data" / "effects"


class ItemEffect(BaseModel):
    stages: list[Stage]
    criteria: list[Criterion]


class TemplateEffects(BaseModel):
    template_code: str
    template_version: int
    note: str
    items: dict[str, ItemEffect]


@functools.cache
def all_effects() -> dict[tuple[str, int], TemplateEffects]:
    found = {}
    for path in sorted(EFFECTS_DIR.glob("*.json")):
        effects = TemplateEffects.model_validate(json.loads(path.read_text(encoding="utf-8")))
        found[(effects.template_code, effects.template_version)] = effects
    return found


def item_effect(code: str, version: int, number: str) -> ItemEffect | None:
    effects = all_effects().get((code, version))
    return effects.items.get(number) if effects else None
