"""The reporting worker's hand-written clients of plans-api and feedback-api: one method per
operation it calls, each answer read into the thin models of `upstream.models`. To call another
operation, add its `Operation` (to `OPERATIONS`), a method and the fields it reads to the models;
tests/test_upstream_contract.py holds both to the committed specs."""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Self, TypeVar

import httpx
from pydantic import ValidationError

from reporting_worker.upstream.models import (
    LifeSituation,
    PlansProgress,
    SurveyPeriodFacts,
    SurveyResults,
    UpstreamModel,
)

TIMEOUT_SECONDS = 10.0
Answer = TypeVar("Answer", bound=UpstreamModel)
Params = Mapping[str, str | Sequence[str]]


class UpstreamUnavailable(Exception):
    """A service did not answer as its contract says; the message is Russian, for the report."""


@dataclass(frozen=True, slots=True)
class Operation(Generic[Answer]):
    """One operation of a committed spec, by its operation id, and the model of its 200 answer."""

    operation_id: str
    service: str
    path: str
    answer: type[Answer]
    query: tuple[str, ...] = ()
    method: str = "get"


PLANS_PROGRESS = Operation(
    "get_plans_progress",
    "plans-api",
    "/api/v1/plan-progress",
    PlansProgress,
    ("agency_id", "service_id", "as_of"),
)
LIFE_SITUATION = Operation(
    "get_life_situation", "plans-api", "/api/v1/life-situations/{situation_id}", LifeSituation
)
SURVEY_PERIOD_FACTS = Operation(
    "get_survey_period_facts",
    "feedback-api",
    "/api/v1/surveys/facts",
    SurveyPeriodFacts,
    ("date_from", "date_to", "agency_id", "service_id"),
)
SURVEY_RESULTS = Operation(
    "get_survey_results",
    "feedback-api",
    "/api/v1/surveys/runs/{run_id}/results",
    SurveyResults,
    ("date_from", "date_to"),
)
OPERATIONS: tuple[Operation[Any], ...] = (
    PLANS_PROGRESS,
    LIFE_SITUATION,
    SURVEY_PERIOD_FACTS,
    SURVEY_RESULTS,
)


def _audience(
    *, agency_id: uuid.UUID | None, service_ids: Sequence[uuid.UUID] | None
) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {}
    if agency_id is not None:
        params["agency_id"] = str(agency_id)
    if service_ids:
        params["service_id"] = [str(service_id) for service_id in service_ids]
    return params


class ServiceClient:
    """One service's HTTP client (its base URL and the worker's key set on `http`)."""

    service: str

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    @classmethod
    def connect(cls, base_url: str, token: str) -> Self:
        return cls(
            httpx.AsyncClient(
                base_url=base_url,
                headers={"Authorization": f"Bearer {token}"},
                timeout=httpx.Timeout(TIMEOUT_SECONDS),
            )
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _get(
        self, operation: Operation[Answer], params: Params | None = None, **path: str
    ) -> Answer:
        try:
            response = await self.http.get(operation.path.format(**path), params=params)
        except httpx.HTTPError as exc:
            raise UpstreamUnavailable(f"{self.service} недоступен ({type(exc).__name__})") from exc
        if response.status_code != httpx.codes.OK:
            raise UpstreamUnavailable(f"{self.service} ответил {response.status_code}")
        try:
            return operation.answer.model_validate_json(response.content)
        except ValidationError as exc:
            raise UpstreamUnavailable(f"{self.service} ответил не по контракту") from exc


class PlansApi(ServiceClient):
    service = "plans-api"

    async def plans_progress(
        self,
        *,
        agency_id: uuid.UUID | None,
        service_ids: Sequence[uuid.UUID] | None,
        as_of: date | None = None,
    ) -> PlansProgress:
        params: dict[str, str | list[str]] = _audience(agency_id=agency_id, service_ids=service_ids)
        if as_of is not None:
            params["as_of"] = as_of.isoformat()
        return await self._get(PLANS_PROGRESS, params)

    async def life_situation(self, situation_id: uuid.UUID) -> LifeSituation:
        return await self._get(LIFE_SITUATION, situation_id=str(situation_id))


class FeedbackApi(ServiceClient):
    service = "feedback-api"

    async def survey_period_facts(
        self,
        *,
        date_from: date,
        date_to: date,
        agency_id: uuid.UUID | None,
        service_ids: Sequence[uuid.UUID] | None,
    ) -> SurveyPeriodFacts:
        params = {
            "date_from": date_from.isoformat(),
            "date_to": date_to.isoformat(),
            **_audience(agency_id=agency_id, service_ids=service_ids),
        }
        return await self._get(SURVEY_PERIOD_FACTS, params)

    async def survey_results(
        self, run_id: uuid.UUID, *, date_from: date, date_to: date
    ) -> SurveyResults:
        params = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
        return await self._get(SURVEY_RESULTS, params, run_id=str(run_id))
