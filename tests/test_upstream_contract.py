"""The reporting worker's hand-written upstream clients stay true to the committed specs: every
operation it calls exists with its path, method and query parameters, answers 200 with the
schema its model names, and every field a thin model reads exists in that schema, required
unless the model allows it to be missing, with a compatible type. A spec change that breaks the
worker fails here rather than in a report."""

import json
import types
import uuid
from datetime import date, datetime
from functools import cache
from typing import Any, Union, get_args, get_origin

import pytest

from reporting_worker.upstream.client import OPERATIONS, Operation
from reporting_worker.upstream.models import UpstreamModel
from tests.spec_helpers import REPO

SCALARS: dict[Any, tuple[str, str | None]] = {
    str: ("string", None),
    int: ("integer", None),
    float: ("number", None),
    bool: ("boolean", None),
    uuid.UUID: ("string", "uuid"),
    date: ("string", "date"),
    datetime: ("string", "date-time"),
}


@cache
def spec(service: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((REPO / "services" / service / "openapi.json").read_text())
    return loaded


def resolve(service: str, schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec(service)["components"]["schemas"][name]
    return schema


def _variants(service: str, schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [resolve(service, s) for s in schema.get("anyOf", schema.get("oneOf", [schema]))]


def mismatches(service: str, annotation: Any, schema: dict[str, Any], where: str) -> list[str]:
    """How a value the spec allows under `schema` could fail to fit `annotation`."""
    origin, args = get_origin(annotation), get_args(annotation)
    variants = _variants(service, schema)
    if origin in (Union, types.UnionType):
        allowed = [a for a in args if a is not type(None)]
        if type(None) not in args and any(v.get("type") == "null" for v in variants):
            return [f"{where}: the spec allows null, the model does not"]
        variants = [v for v in variants if v.get("type") != "null"]
        assert len(allowed) == 1, f"{where}: one type or None, please"
        annotation, origin, args = allowed[0], get_origin(allowed[0]), get_args(allowed[0])
    elif any(v.get("type") == "null" for v in variants):
        return [f"{where}: the spec allows null, the model does not"]
    found: list[str] = []
    for variant in variants:
        if origin is list:
            if variant.get("type") != "array":
                found.append(f"{where}: the spec has {variant.get('type')}, the model a list")
            else:
                found += mismatches(service, args[0], variant["items"], f"{where}[]")
        elif isinstance(annotation, type) and issubclass(annotation, UpstreamModel):
            found += model_mismatches(annotation, variant, where)
        else:
            kind, fmt = SCALARS[annotation]
            if variant.get("type") != kind or (fmt is not None and variant.get("format") != fmt):
                found.append(f"{where}: the spec has {variant}, the model {annotation.__name__}")
    return found


def model_mismatches(model: type[UpstreamModel], schema: dict[str, Any], where: str) -> list[str]:
    if schema.get("title") != model.contract.schema:
        return [f"{where}: the spec has {schema.get('title')}, the model {model.contract.schema}"]
    found: list[str] = []
    properties = schema.get("properties", {})
    for name, field in model.model_fields.items():
        path = f"{model.contract.schema}.{name}"
        if name not in properties:
            found.append(f"{path}: not in the spec")
            continue
        if field.is_required() and name not in schema.get("required", []):
            found.append(f"{path}: optional in the spec, required by the model")
        found += mismatches(model.contract.service, field.annotation, properties[name], path)
    return found


def _models(model: type[UpstreamModel]) -> set[type[UpstreamModel]]:
    seen = {model}
    for field in model.model_fields.values():
        for arg in (field.annotation, *_nested_args(field.annotation)):
            if isinstance(arg, type) and issubclass(arg, UpstreamModel) and arg not in seen:
                seen |= _models(arg)
    return seen


def _nested_args(annotation: Any) -> list[Any]:
    args = list(get_args(annotation))
    for arg in list(args):
        args += _nested_args(arg)
    return args


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.operation_id)
def test_the_operation_exists_as_the_client_calls_it(operation: Operation[Any]) -> None:
    paths = spec(operation.service)["paths"]
    declared = paths.get(operation.path, {}).get(operation.method)

    assert declared is not None, f"{operation.service} has no {operation.method} {operation.path}"
    assert declared["operationId"] == operation.operation_id
    query = {p["name"] for p in declared.get("parameters", []) if p["in"] == "query"}
    assert set(operation.query) <= query, query
    answer = declared["responses"]["200"]["content"]["application/json"]["schema"]
    assert resolve(operation.service, answer)["title"] == operation.answer.contract.schema


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.operation_id)
def test_every_field_the_thin_models_read_is_in_the_spec(operation: Operation[Any]) -> None:
    found: list[str] = []
    for model in _models(operation.answer):
        schema = spec(model.contract.service)["components"]["schemas"][model.contract.schema]
        found += model_mismatches(model, schema, model.contract.schema)

    assert found == []


def test_a_field_the_spec_lacks_is_caught() -> None:
    class Drifted(UpstreamModel):
        contract = OPERATIONS[0].answer.contract
        vanished: int

    schema = spec(Drifted.contract.service)["components"]["schemas"][Drifted.contract.schema]
    assert model_mismatches(Drifted, schema, "Drifted") == [
        "PlansProgress.vanished: not in the spec"
    ]
