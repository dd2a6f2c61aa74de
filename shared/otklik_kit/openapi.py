"""OpenAPI post-processing: every error response is declared as application/problem+json.

Authenticated operations get 401/403/429 (per-key rate limit), operations with a body get 413,
and every API operation gets 503 (backing store outage), so generated clients know each error
shape without guessing.
"""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

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
        wanted += ["413", "422"]
    if operation.get("parameters"):
        wanted.append("422")
    if path.startswith("/api/"):
        wanted.append("503")
    for status in wanted:
        responses.setdefault(status, _problem(PROBLEM_DESCRIPTIONS[int(status)]))
    for status, response in responses.items():
        if status[0] in "45":
            description = response.get("description") or PROBLEM_DESCRIPTIONS.get(
                int(status), "Error"
            )
            responses[status] = _problem(description)


def problem_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        field_error = components["Problem"].pop("$defs", {}).get("FieldError")
        components["FieldError"] = field_error or FieldError.model_json_schema()
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        for path, item in schema.get("paths", {}).items():
            for operation in item.values():
                _fix_operation(path, operation)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
