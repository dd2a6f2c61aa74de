"""OpenAPI post-processing: every error response is declared as application/problem+json, and
every secured operation names the scopes it needs.

Authenticated operations get 401/403/429 (per-key rate limit), operations with a body get 400
(undecodable) and 413,
and every API operation gets 503 (backing store outage), so generated clients know each error
shape without guessing. Scopes go into the security requirements as OpenAPI 3.1 allows for any
scheme: `[{"HTTPBearer": ["plans:read"]}, {"APIKeyHeader": ["plans:read"]}]`; an operation that
takes any of several scopes lists one requirement per scope (alternatives).
"""

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts

from otklik_kit.auth.dependencies import ScopeCheck
from otklik_kit.openapi_examples import restore_example_nulls
from otklik_kit.openapi_headers import declare_headers
from otklik_kit.problems import PROBLEM_DESCRIPTIONS
from otklik_shared.problem import PROBLEM_CONTENT_TYPE, FieldError, Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_CONTENT_TYPE: {"schema": PROBLEM_REF}}}


def _fix_operation(path: str, operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    wanted = []
    if operation.get("security"):
        wanted += ["401", "403", "429"]
    if "requestBody" in operation:
        # 400: a body that cannot even be decoded (bytes that are not UTF-8, a broken form)
        wanted += ["400", "413", "422"]
    if operation.get("parameters"):
        wanted.append("422")
    if path.startswith("/api/"):
        wanted.append("503")
    # a public operation says so, rather than leaving linters and generators to guess
    operation.setdefault("security", [])
    for status in wanted:
        responses.setdefault(status, _problem(PROBLEM_DESCRIPTIONS[int(status)]))
    for status, response in responses.items():
        if status[0] in "45":
            description = response.get("description") or PROBLEM_DESCRIPTIONS.get(
                int(status), "Error"
            )
            responses[status] = _problem(description)


def _scope_check(dependant: Dependant) -> ScopeCheck | None:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, ScopeCheck):
            return dependency.call
        if (found := _scope_check(dependency)) is not None:
            return found
    return None


def _write_scopes(app: FastAPI, paths: dict[str, Any]) -> None:
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute):
            continue
        if (check := _scope_check(route.dependant)) is None:
            continue
        for method in route.methods or ():
            operation = paths[str(route.path_format)][method.lower()]
            operation["security"] = [
                {scheme: [scope.value]}
                for requirement in operation["security"]
                for scheme in requirement
                for scope in check.any_of
            ]


# an SPDX expression (LicenseRef-: a licence of one's own), as OpenAPI 3.1 allows
LICENSE = {"name": "Proprietary", "identifier": "LicenseRef-Otklik-Proprietary"}


def servers(service: str, local_port: int | None) -> list[dict[str, Any]]:
    """The service's local address under `otklik run` (its settings' default port) first, a
    generated client's default, then its production address, which the operator publishes it
    at."""
    local = (
        [{"url": f"http://127.0.0.1:{local_port}", "description": "Local: `otklik run`"}]
        if local_port is not None
        else []
    )
    production = {
        "url": "https://{host}",
        "description": "Production (placeholder: the host the operator publishes the service at)",
        "variables": {"host": {"default": f"{service}.otklik.example.ru"}},
    }
    return [*local, production]


def problem_openapi(app: FastAPI, service: str, local_port: int | None) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
            servers=servers(service, local_port),
            license_info=LICENSE,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        field_error = components["Problem"].pop("$defs", {}).get("FieldError")
        components["FieldError"] = field_error or FieldError.model_json_schema()
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        _write_scopes(app, schema.get("paths", {}))
        for path, item in schema.get("paths", {}).items():
            for operation in item.values():
                _fix_operation(path, operation)
        declare_headers(schema)
        restore_example_nulls(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
