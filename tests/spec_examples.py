"""Every example a spec gives, with the schema it must fit: schema `examples`, the `example` and
`examples` of parameters, headers and request/response media types."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jsonschema_rs


@dataclass(frozen=True)
class Example:
    pointer: str  # a JSON pointer into the spec
    schema: dict[str, Any]
    value: Any


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _given(node: dict[str, Any], pointer: str) -> Iterator[Example]:
    """The examples of a parameter, header or media type object, against its `schema`."""
    schema = node["schema"]
    if "example" in node:
        yield Example(f"{pointer}/example", schema, node["example"])
    for name, example in (node.get("examples") or {}).items():
        if isinstance(example, dict) and "value" in example:
            yield Example(f"{pointer}/examples/{_escape(name)}/value", schema, example["value"])


def examples(node: Any, pointer: str = "#") -> Iterator[Example]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from examples(item, f"{pointer}/{index}")
        return
    if not isinstance(node, dict):
        return
    if isinstance(node.get("schema"), dict):
        yield from _given(node, pointer)
    elif isinstance(node.get("examples"), list):  # only a schema has a list of examples
        for index, value in enumerate(node["examples"]):
            yield Example(f"{pointer}/examples/{index}", node, value)
    for key, value in node.items():
        if key not in ("example", "examples"):
            yield from examples(value, f"{pointer}/{_escape(key)}")


def invalid_examples(spec: dict[str, Any]) -> list[str]:
    """Each example that fails its schema (Draft 2020-12, formats checked), with the reason."""
    components = spec.get("components", {})
    failures = []
    for example in examples(spec):
        # the schema's `#/components/...` references resolve against the spec's components
        root = {**example.schema, "components": components}
        validator = jsonschema_rs.Draft202012Validator(root, validate_formats=True)
        failures += [
            f"{example.pointer}: {error.message}" for error in validator.iter_errors(example.value)
        ]
    return failures
