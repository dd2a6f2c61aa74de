"""The stages and criteria each typical-plan item acts on (data for the report's effect of
measures): every template item is either mapped or named organisational, and the mapping
follows the item's wording in the template."""

from plans_api.templates.effects import all_effects, item_effect
from plans_api.templates.loader import get_template, leaf_numbers

# who is responsible, how feedback and reengineering are organised: no single stage
ORGANISATIONAL = {
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "1.6",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "4.1",
    "4.2",
}


def test_every_typical_item_is_mapped_to_stages_or_named_organisational() -> None:
    template = get_template("typical", 1)
    effects = all_effects()[("typical", 1)]
    leaves = set(leaf_numbers(template))

    assert set(effects.items) <= leaves
    assert set(effects.items) | ORGANISATIONAL == leaves
    assert not set(effects.items) & ORGANISATIONAL
    assert all(effect.stages for effect in effects.items.values())


def test_stage_mapping_follows_the_items_wording() -> None:
    def stages(number: str) -> list[str]:
        effect = item_effect("typical", 1, number)
        assert effect is not None, number
        return [stage.value for stage in effect.stages]

    assert stages("2.3.5") == ["payment"]  # «оплаты государственной пошлины»
    assert stages("2.3.6") == ["appointment"]  # «записи на прием»
    assert stages("2.4.4") == ["appointment"]  # «предварительной записи»
    assert stages("5.3") == ["additional_documents"]  # «внесения недостающих документов»
    assert stages("2.6.4") == ["decision"]  # «отказов в предоставлении»
    assert all(stages(n) == ["consultation"] for n in ("2.5.1", "2.5.2", "2.5.4", "2.5.7"))
    queue = item_effect("typical", 1, "2.5.5")
    assert queue is not None
    assert [c.value for c in queue.criteria] == ["queue_wait"]  # «времени ожидания ответа»
    assert item_effect("typical", 1, "1.1") is None
