"""Schemathesis over every operation of a service's spec, in process: data that fits the schema
and data that does not, with an admin key, an agency-bound key, no key and a forged key.

Each response must be no 5xx, carry a declared status and content type, match its schema, and
refuse invalid input with a problem+json 4xx; a secured operation called without a valid key
must answer 401. Every finding is collected (the run goes on), so one run lists them all.
"""

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import APIOperation, Case, GenerationMode, Response, openapi
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from otklik_kit.routing import API_PREFIX

# Operations whose documented behaviour a generic check misreads, each with the reason.
EXEMPT_CHECKS: dict[str, dict[str, str]] = {
    "POST /api/v1/feedback/batch": {
        "negative_data_rejection": "each item is validated on its own: the batch answers 200 "
        "with a 422 problem for every rejected item (`results[i].problem`)",
    },
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
PROBLEM = "application/problem+json"
Operation = APIOperation[Any, Any, Any, Any]
FORGED_KEY = {"Authorization": "Bearer otk_000000000000_forged-secret"}
# examples per operation and generation mode; `make fuzz` raises it
EXAMPLES = int(os.environ.get("OTKLIK_FUZZ_EXAMPLES", "4"))
# `make fuzz` explores anew each run; the bounded run in the tests repeats the same examples
DERANDOMIZE = os.environ.get("OTKLIK_FUZZ_RANDOM", "") == ""
# a regular expression over "METHOD /path" to fuzz only some operations
ONLY = re.compile(os.environ.get("OTKLIK_FUZZ_OPERATIONS", ""))


@dataclass(frozen=True)
class Finding:
    operation: str
    mode: str
    problem: str

    def __str__(self) -> str:
        return f"{self.operation} ({self.mode}): {self.problem}"


class KeyCheckFailed(AssertionError):
    pass


def _check_unauthenticated(credential: str, response: Response) -> None:
    if response.status_code in (400, 413, 422):
        return  # FastAPI decodes the body before the key is looked at; a broken one is refused
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code != 401 or content_type != PROBLEM:
        raise KeyCheckFailed(
            f"{credential}: expected a 401 problem, got {response.status_code} {content_type}"
        )


def _repeats_a_query_parameter(case: Case[Operation]) -> bool:
    return any(isinstance(value, list) for value in (case.query or {}).values())


def _is_secured(operation: Operation) -> bool:
    return bool(operation.definition.raw.get("security"))


def _exercise(
    operation: Operation,
    mode: GenerationMode,
    credentials: Mapping[str, dict[str, str]],
    path_parameters: dict[str, str] | None,
) -> None:
    strategy = operation.as_strategy(mode, path_parameters=path_parameters)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=DERANDOMIZE,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(case=strategy, credential=st.sampled_from(sorted(credentials)))
    def run(case: Case[Operation], credential: str) -> None:
        for name in (credential, "none", "forged"):
            headers = dict({"none": {}, "forged": FORGED_KEY, **credentials}[name])
            response = case.call(headers=dict(headers))
            if name in ("none", "forged") and _is_secured(operation):
                _check_unauthenticated(name, response)
            exempt = EXEMPT_CHECKS.get(operation.label, {})
            checks = [check for check in CHECKS if check.__name__ not in exempt]
            if _repeats_a_query_parameter(case):
                # `?q=a&q=b` for a one-value parameter: the last one is taken, as FastAPI does
                checks.remove(negative_data_rejection)
            case.validate_response(response, checks=checks, headers=headers)

    run()


def fuzz_app(
    app: FastAPI,
    credentials: Mapping[str, dict[str, str]],
    *,
    known_ids: Mapping[str, str],
) -> list[Finding]:
    """Fuzzes every operation of the app's spec. Path parameters are drawn at random and, in a
    second round, taken from `known_ids` (real objects) where the path has them."""
    schema = openapi.from_asgi(f"{API_PREFIX}/openapi.json", app)
    findings: list[Finding] = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            findings.append(Finding("(spec)", "load", str(result.err())))
            continue
        operation = result.ok()
        if not ONLY.search(operation.label):
            continue
        names = [p.name for p in operation.path_parameters]
        rounds: list[dict[str, str] | None] = [None]
        if names and all(name in known_ids for name in names):
            rounds.append({name: known_ids[name] for name in names})
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for path_parameters in rounds:
                label = f"{mode.value}{', known ids' if path_parameters else ''}"
                try:
                    _exercise(operation, mode, credentials, path_parameters)
                except Unsatisfiable:
                    pass  # nothing to make invalid: no parameters, no body
                except (Exception, BaseExceptionGroup) as exc:
                    findings.append(Finding(operation.label, label, _first_lines(exc)))
    return findings


def _first_lines(exc: BaseException, lines: int = 40) -> str:
    """What failed, down to the `curl` that reproduces it."""
    text = f"{type(exc).__name__}: {exc}"
    return "\n".join(line for line in text.splitlines()[:lines] if line.strip())
