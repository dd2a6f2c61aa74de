"""The committed OpenAPI contracts are what the code serves, and each is client-ready."""

import json
from typing import Any

import pytest

from otklik_kit.cli import _import
from otklik_kit.services import SERVICES
from tests.spec_helpers import REPO, spec_operations


def live_spec(name: str) -> dict[str, Any]:
    entry = SERVICES[name]
    app = _import(entry.app_factory)(_import(entry.settings)())
    spec: dict[str, Any] = app.openapi()
    return spec


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(op.path, op.method, op.spec) for op in spec_operations("", spec)]


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_committed_spec_matches_the_code(name: str) -> None:
    committed = json.loads((REPO / "services" / name / "openapi.json").read_text())

    assert live_spec(name) == committed, f"run `make openapi` and commit {name}/openapi.json"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_operation_is_named_tagged_and_declares_problem_errors(name: str) -> None:
    spec = live_spec(name)
    ids = [op["operationId"] for _, _, op in operations(spec)]

    assert len(ids) == len(set(ids))
    for path, method, op in operations(spec):
        assert op.get("tags"), f"{method} {path}"
        assert op.get("summary"), f"{method} {path}"
        errors = {s: r for s, r in op["responses"].items() if s[0] in "45"}
        for status, response in errors.items():
            assert list(response["content"]) == ["application/problem+json"], (path, status)
        if path.startswith("/api/"):
            expected = {"401", "403", "503"} if op.get("security") else {"503"}
            assert expected <= set(errors), f"{method} {path}"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_only_public_routes_go_without_an_api_key(name: str) -> None:
    for path, method, op in operations(live_spec(name)):
        if path.startswith("/api/"):
            public = path.startswith("/api/v1/public/")
            assert bool(op.get("security")) != public, f"{method} {path}"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_secured_operation_names_its_scopes(name: str) -> None:
    for path, method, op in operations(live_spec(name)):
        for requirement in op.get("security", []):
            assert all(len(scopes) == 1 for scopes in requirement.values()), f"{method} {path}"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_schema_names_are_unique_without_module_prefixes(name: str) -> None:
    """FastAPI falls back to `module__path__Model` names when two models share a name; clients
    generated from such a spec lose one of them."""
    names = live_spec(name)["components"]["schemas"]

    assert [n for n in names if "__" in n] == []


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_json_request_body_has_an_example(name: str) -> None:
    spec = live_spec(name)
    missing = []
    for path, method, op in operations(spec):
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            schema = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
            if not spec["components"]["schemas"][schema].get("examples"):
                missing.append(f"{method} {path}: {schema}")

    assert missing == []
