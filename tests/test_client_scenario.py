"""The client packages of `make clients` work: the build has nothing to warn about, gives a wheel
per API, and a whole scenario runs through the generated clients alone: agency, service,
checklist, approved plan, feedback, its answer, a report."""

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from feedback_api.config import FeedbackSettings
from otklik_kit.auth.scopes import Scope
from reporting_worker.config import ReportingSettings
from tests.conftest import KeyMaker
from tests.feedback_helpers import sync_catalog
from tests.generated_clients import GeneratedClient, build, wheels
from tests.plan_helpers import APPROVAL, MISSING, NOT_APPLICABLE
from tests.report_helpers import drain_reports, relay_feedback, service_key, today, upstream_on


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, GeneratedClient], str]:
    into = tmp_path_factory.mktemp("clients")
    clients, output = build(into)
    return into, clients, output


@pytest.fixture(scope="session")
def generated(built: tuple[Path, dict[str, GeneratedClient], str]) -> dict[str, GeneratedClient]:
    return built[1]


def test_make_clients_builds_a_wheel_per_api_without_warnings(
    built: tuple[Path, dict[str, GeneratedClient], str],
) -> None:
    into, _, output = built

    assert "warning" not in output.lower(), output
    assert "error" not in output.lower(), output
    assert [name.split("-")[0] for name in wheels(into)] == [
        "otklik_feedback_api_client",
        "otklik_plans_api_client",
        "otklik_reporting_worker_client",
    ]


def ok(response: Any, status: int) -> Any:
    assert response.status_code == status, response.content
    return response.parsed


def leaf_numbers(nodes: list[Any]) -> list[str]:
    numbers: list[str] = []
    for node in nodes:
        if node.kind.value == "item":
            numbers.append(node.number)
        numbers += leaf_numbers(node.children)
    return numbers


async def approved_plan(plans_api: GeneratedClient, operator: Any, service_id: uuid.UUID) -> Any:
    """A checklist answered «нет» on a few items, its plan staffed and approved."""
    call, model = plans_api.operation, plans_api.model
    template = ok(await call("get_plan_template").asyncio_detailed("typical", client=operator), 200)
    answers = {
        number: "no"
        if number in MISSING
        else "not_applicable"
        if number in NOT_APPLICABLE
        else "yes"
        for number in leaf_numbers(template.nodes)
    }
    checklist = ok(
        await call("submit_checklist").asyncio_detailed(
            service_id,
            client=operator,
            body=model("ChecklistCreate").from_dict({"answers": answers}),
        ),
        201,
    )
    plan = ok(await call("generate_plan").asyncio_detailed(checklist.id, client=operator), 201)
    executor = model("ExecutorIn")(
        unit="Отдел организации предоставления услуг",
        start_date=date(2023, 11, 1),
        end_date=date(2030, 12, 1),
    )
    for row in plan.rows:
        if row.kind.value == "item":
            ok(
                await call("set_plan_item_executors").asyncio_detailed(
                    plan.id,
                    row.id,
                    client=operator,
                    body=model("ExecutorsReplace")(executors=[executor]),
                ),
                200,
            )
    approval = model("PlanApproval").from_dict(APPROVAL)
    return ok(
        await call("approve_plan").asyncio_detailed(plan.id, client=operator, body=approval), 200
    )


async def built_report(
    reporting_api: GeneratedClient, analyst: Any, service_id: uuid.UUID, drained: Any
) -> Any:
    """A report on the service since yesterday: requested (202), built by the worker, read."""
    request = reporting_api.model("ReportRequest").from_dict(
        {
            "subject_kind": "service",
            "subject_id": str(service_id),
            "date_from": (today() - timedelta(days=1)).isoformat(),
            "date_to": today().isoformat(),
        }
    )
    job = ok(
        await reporting_api.operation("request_report").asyncio_detailed(
            client=analyst, body=request
        ),
        202,
    )
    await drained()
    return ok(
        await reporting_api.operation("get_report").asyncio_detailed(job.id, client=analyst), 200
    )


@pytest.mark.usefixtures("plans", "feedback", "reporting")
async def test_a_plan_an_answered_feedback_and_a_report_through_generated_clients(
    generated: dict[str, GeneratedClient],
    plans_app: FastAPI,
    feedback_app: FastAPI,
    reporting_app: FastAPI,
    feedback_settings: FeedbackSettings,
    reporting_settings: ReportingSettings,
    make_key: KeyMaker,
) -> None:
    plans_api, feedback_api = generated["plans-api"], generated["feedback-api"]
    reporting_api = generated["reporting-worker"]
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))

    async def drained() -> None:
        await relay_feedback(feedback_app)
        await drain_reports(reporting_settings, upstream)

    admin = plans_api.connect(plans_app, await make_key(Scope.ADMIN))
    agency = ok(
        await plans_api.operation("create_agency").asyncio_detailed(
            client=admin,
            body=plans_api.model("AgencyCreate").from_dict(
                {"name": "Министерство соцзащиты", "level": "regional"}
            ),
        ),
        201,
    )
    planner = plans_api.connect(
        plans_app, await make_key(Scope.PLANS_READ, Scope.PLANS_WRITE, agency_id=agency.id)
    )
    service = ok(
        await plans_api.operation("create_service").asyncio_detailed(
            client=planner,
            body=plans_api.model("ServiceCreate").from_dict(
                {
                    "agency_id": str(agency.id),
                    "title": "Назначение ежемесячной денежной выплаты",
                    "direction": "state_services",
                    "stages": ["information", "application", "decision", "result"],
                }
            ),
        ),
        201,
    )
    plan = await approved_plan(plans_api, planner, service.id)
    document = ok(
        await plans_api.operation("export_plan_docx").asyncio_detailed(plan.id, client=planner),
        200,
    )
    await sync_catalog(plans_app, feedback_settings)

    portal = feedback_api.connect(feedback_app, await make_key(Scope.FEEDBACK_WRITE))
    reviewer = feedback_api.connect(
        feedback_app,
        await make_key(Scope.FEEDBACK_READ, Scope.FEEDBACK_REVIEW, agency_id=agency.id),
    )
    posted = ok(
        await feedback_api.operation("create_feedback").asyncio_detailed(
            client=portal,
            body=feedback_api.model("FeedbackCreate").from_dict(
                {
                    "service_id": str(service.id),
                    "stage": "application",
                    "channel": "regional_portal",
                    "rating": 2,
                    "comment": "Заявление приняли только с третьей попытки",
                    "answer_requested": True,
                    "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
                }
            ),
        ),
        201,
    )
    ok(
        await feedback_api.operation("answer_feedback").asyncio_detailed(
            posted.id,
            client=reviewer,
            body=feedback_api.model("FeedbackAnswerIn")(text="Окно приёма открыто с 25.11."),
        ),
        200,
    )
    status = ok(
        await feedback_api.operation("get_feedback_status").asyncio_detailed(
            posted.id, client=portal
        ),
        200,
    )
    await drained()
    analyst = reporting_api.connect(
        reporting_app, await make_key(Scope.REPORTS_READ, agency_id=agency.id)
    )
    report = await built_report(reporting_api, analyst, service.id, drained)

    assert [row.number for row in plan.rows if row.kind.value == "item"] == list(MISSING)
    assert plan.status.value == "approved"
    assert document.payload.read(2) == b"PK"
    assert status.status.value == "answered"
    assert status.answer == "Окно приёма открыто с 25.11."
    assert (report.status.value, report.progress) == ("done", 100), report.error
    assert report.report.headline.respondents.value == 1
    assert report.report.subject.title == "Назначение ежемесячной денежной выплаты"
