"""The committed OpenAPI specs as the tests read them: operations, the scopes each needs, the
public ones, and request paths made from path templates."""

import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from otklik_kit.services import SERVICES

REPO = Path(__file__).resolve().parents[1]
METHODS = ("get", "post", "put", "patch", "delete")
SERVICE_NAMES = sorted(SERVICES)

# Operations that answer without a key; any other operation must declare a security requirement.
PUBLIC_OPERATIONS = {
    "plans-api": {"healthz", "readyz", "metrics"},
    "feedback-api": {
        "healthz",
        "readyz",
        "metrics",
        "get_public_survey",
        "answer_public_survey",
        "issue_survey_respondent_token",
        "get_widget_script",
    },
    "reporting-worker": {"healthz", "readyz", "metrics", "get_dashboard_page"},
}


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.spec["operationId"])

    @property
    def secured(self) -> bool:
        return bool(self.spec.get("security"))

    @property
    def scopes(self) -> frozenset[str]:
        """The scopes any one of which lets a key in (alternatives in the security list)."""
        return frozenset(
            scope
            for requirement in self.spec.get("security", [])
            for scopes in requirement.values()
            for scope in scopes
        )

    def url(self, **values: str) -> str:
        """The path with each `{param}` from `values`, else a fresh UUID (or `x` for a
        parameter that is not a UUID)."""
        url = self.path
        for parameter in self.spec.get("parameters", []):
            if parameter["in"] != "path":
                continue
            name = parameter["name"]
            schema = parameter.get("schema", {})
            dummy = str(uuid.uuid4()) if schema.get("format") == "uuid" else "x"
            url = url.replace("{" + name + "}", values.get(name, dummy))
        return url


@cache
def committed_spec(service: str) -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((REPO / "services" / service / "openapi.json").read_text())
    return spec


def spec_operations(service: str, spec: dict[str, Any] | None = None) -> list[Operation]:
    spec = spec if spec is not None else committed_spec(service)
    return [
        Operation(service, method, path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]
