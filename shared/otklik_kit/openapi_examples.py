"""The nulls of the examples, put back: FastAPI writes the spec with `exclude_none`, which drops
every `None` inside the models' examples too, so an example loses the required, nullable fields
it gave as null and no longer fits its own schema (`"closed_at": null` of an open case)."""

from typing import Any


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = components.get(name, {})
    return schema


def _allows_null(schema: dict[str, Any]) -> bool:
    kinds = schema.get("type")
    branches = schema.get("anyOf") or schema.get("oneOf") or []
    return (
        kinds == "null"
        or (isinstance(kinds, list) and "null" in kinds)
        or any(branch.get("type") == "null" for branch in branches)
    )


def _object_branch(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    for branch in schema.get("anyOf") or schema.get("oneOf") or []:
        resolved = _resolve(branch, components)
        if "properties" in resolved or "items" in resolved:
            return resolved
    return schema


def restore_nulls(value: Any, schema: dict[str, Any], components: dict[str, Any]) -> None:
    """Sets each missing required property that may be null to None, all the way down."""
    schema = _object_branch(_resolve(schema, components), components)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            restore_nulls(item, schema["items"], components)
    if not isinstance(value, dict):
        return
    properties = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value and _allows_null(_resolve(properties.get(name, {}), components)):
            value[name] = None
    for name, item in value.items():
        if name in properties:
            restore_nulls(item, properties[name], components)


def restore_example_nulls(spec: dict[str, Any]) -> None:
    """Over the examples of the schemas and of the request and response media types."""
    components = spec.get("components", {}).get("schemas", {})
    for schema in components.values():
        for example in schema.get("examples", []):
            restore_nulls(example, schema, components)
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            bodies = [operation.get("requestBody", {}), *operation.get("responses", {}).values()]
            for body in bodies:
                for media in body.get("content", {}).values():
                    for example in (media.get("examples") or {}).values():
                        if "value" in example:
                            restore_nulls(example["value"], media.get("schema", {}), components)
