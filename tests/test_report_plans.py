"""The report's plan sections: progress as of the period's end (a past month shows that month's
plan, the current period today's) and the effect of the measures done, on a planted effect."""

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from openpyxl import load_workbook

from reporting_worker.config import ReportingSettings
from reporting_worker.reports.render.formats import ReportFormat, render_report
from reporting_worker.reports.schemas import AnalyticalReport
from reporting_worker.reports.upstream import Upstream
from tests import headless
from tests.conftest import KeyMaker
from tests.feedback_helpers import Catalog
from tests.plan_helpers import APPROVAL, template_items
from tests.plan_history_helpers import plan_with_a_past, set_clock
from tests.report_helpers import (
    drain_reports,
    moscow_noon,
    relay_feedback,
    service_key,
    today,
    upstream_on,
)


async def report_of(
    reporting: httpx.AsyncClient,
    settings: ReportingSettings,
    upstream: Upstream,
    headers: dict[str, str],
    service_id: str,
    first: date,
    last: date,
) -> dict[str, Any]:
    request = {
        "subject_kind": "service",
        "subject_id": service_id,
        "date_from": first.isoformat(),
        "date_to": last.isoformat(),
    }
    queued = await reporting.post("/api/v1/reports", json=request, headers=headers)
    assert queued.status_code == 202, queued.text
    await drain_reports(settings, upstream)
    done = await reporting.get(f"/api/v1/reports/{queued.json()['id']}", headers=headers)
    job: dict[str, Any] = done.json()
    assert job["status"] == "done", job["error"]
    report: dict[str, Any] = job["report"]
    return report


async def test_report_of_a_past_month_shows_the_plan_as_it_stood_then(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert feedback.is_closed is False  # its app runs: the report reads survey facts there
    past = await plan_with_a_past(plans, admin_headers, catalog.service_id, monkeypatch)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)

    then = await report_of(
        reporting,
        reporting_settings,
        upstream,
        admin_headers,
        catalog.service_id,
        past.early,
        past.early_end,
    )
    now = await report_of(
        reporting,
        reporting_settings,
        upstream,
        admin_headers,
        catalog.service_id,
        today() - timedelta(days=9),
        today(),
    )

    early, current = then["plan_progress"], now["plan_progress"]
    assert early["as_of"] == str(past.early_end)
    assert (early["items"], early["done"], early["in_progress"], early["overdue"]) == (7, 0, 0, 2)
    overdue = {item["number"]: item for item in early["overdue_items"]}
    assert sorted(overdue) == ["1.1", "5.2"]
    assert overdue["5.2"]["missed_deadline"] == str(past.deadline)
    assert overdue["5.2"]["executor"] == "Отдел по пункту 5.2"
    assert overdue["5.2"]["service_title"].startswith("Назначение ежемесячной")
    assert current["as_of"] == str(today())
    assert (current["items"], current["done"], current["in_progress"]) == (8, 1, 1)
    assert [item["number"] for item in current["overdue_items"]] == ["5.2"]


# The effect: item 2.3.2 acts on «Подача заявления» (application), 2.1 on information and
# result. Both done 45 days ago. Application: 40 before with 20 satisfied (50 %), 40 after
# with 32 (80 %). Information: 40 before and 40 after, 28 satisfied each (70 %): no effect.
DONE_DAYS_AGO = 45


def planted(catalog: Catalog) -> list[dict[str, Any]]:
    done = today() - timedelta(days=DONE_DAYS_AGO)
    items = []
    for stage, before_good, after_good in (("application", 20, 32), ("information", 28, 28)):
        for n in range(40):
            for side, good in ((-1, before_good), (1, after_good)):
                day = done + timedelta(days=side * (2 + n % 38))
                items.append(
                    {
                        "service_id": catalog.service_id,
                        "stage": stage,
                        "channel": "epgu",
                        "rating": 5 if n < good else 2,
                        "occurred_at": moscow_noon(day),
                    }
                )
    return items


async def plan_done_on(
    plans: httpx.AsyncClient,
    headers: dict[str, str],
    service_id: str,
    numbers: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An approved plan of just these items, each done with its evidence DONE_DAYS_AGO."""
    leaves = await template_items(plans, headers)
    answers = {n: "no" if n in numbers else "yes" for n in leaves}
    checklist = await plans.post(
        f"/api/v1/services/{service_id}/checklists", json={"answers": answers}, headers=headers
    )
    plan = (
        await plans.post(f"/api/v1/checklists/{checklist.json()['id']}/plan", headers=headers)
    ).json()
    url = f"/api/v1/plans/{plan['id']}"
    start = today() - timedelta(days=200)
    for row in plan["rows"]:
        if row["kind"] == "item":
            executors = [
                {"unit": "Отдел услуг", "start_date": str(start), "end_date": "2030-12-01"}
            ]
            staffed = await plans.put(
                f"{url}/items/{row['id']}/executors",
                json={"executors": executors},
                headers=headers,
            )
            assert staffed.status_code == 200, staffed.text
    set_clock(monkeypatch, start)
    approved = (await plans.post(f"{url}/approve", json=APPROVAL, headers=headers)).json()
    set_clock(monkeypatch, today() - timedelta(days=DONE_DAYS_AGO))
    for row in approved["rows"]:
        if row["kind"] != "item":
            continue
        item = f"{url}/items/{row['id']}"
        executor = row["executors"][0]["id"]
        done = await plans.patch(
            f"{item}/executors/{executor}", json={"status": "done"}, headers=headers
        )
        assert done.status_code == 200, done.text
        evidence = await plans.post(
            f"{item}/evidence",
            json={"kind": "implementation_report", "title": "Отчет о реализации"},
            headers=headers,
        )
        assert evidence.status_code == 201, evidence.text
    set_clock(monkeypatch, None)


async def test_effect_of_measures_finds_the_planted_rise_and_not_the_control(
    plans: httpx.AsyncClient,
    plans_app: FastAPI,
    feedback: httpx.AsyncClient,
    feedback_app: FastAPI,
    reporting: httpx.AsyncClient,
    reporting_settings: ReportingSettings,
    admin_headers: dict[str, str],
    portal: dict[str, str],
    catalog: Catalog,
    make_key: KeyMaker,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    await plan_done_on(plans, admin_headers, catalog.service_id, ("2.1", "2.3.2"), monkeypatch)
    posted = await feedback.post(
        "/api/v1/feedback/batch", json={"items": planted(catalog)}, headers=portal
    )
    assert posted.json()["accepted"] == 160, posted.text
    await relay_feedback(feedback_app)
    upstream = upstream_on(plans_app, feedback_app, await service_key(make_key))
    await drain_reports(reporting_settings, upstream)

    report = await report_of(
        reporting,
        reporting_settings,
        upstream,
        admin_headers,
        catalog.service_id,
        today() - timedelta(days=9),
        today(),
    )

    section = report["measures_effect"]
    assert section["status"] == "ok"
    effects = {item["number"]: item for item in section["items"]}
    assert sorted(effects) == ["2.1", "2.3.2"]
    rise, control = effects["2.3.2"], effects["2.1"]
    assert rise["done_on"] == str(today() - timedelta(days=DONE_DAYS_AGO))
    assert rise["stage_labels"] == ["Подача заявления"]
    assert (rise["before"]["responses"], rise["before"]["satisfied"]) == (40, 20)
    assert (rise["after"]["responses"], rise["after"]["satisfied"]) == (40, 32)
    # Wilson 95 %: 20/40 → 35.2–64.8 %; 32/40 → 65.2–89.5 %
    assert (rise["before"]["csat"], rise["after"]["csat"]) == (50.0, 80.0)
    assert (rise["before"]["csat_low"], rise["before"]["csat_high"]) == (35.2, 64.8)
    assert (rise["after"]["csat_low"], rise["after"]["csat_high"]) == (65.2, 89.5)
    # z = 0.3 / √(0.65 · 0.35 · (2/40)) ≈ 2.81 > 1.96
    assert (rise["change"], rise["significant"]) == (30.0, True)
    assert "вырос на 30 п.п." in rise["verdict"]
    # the control, at information and result: 28/40 both sides (result had none)
    assert control["stages"] == ["information", "result"]
    assert (control["before"]["csat"], control["after"]["csat"]) == (70.0, 70.0)
    assert (control["change"], control["significant"]) == (0.0, False)
    assert control["verdict"].startswith("Значимого изменения нет")
    # the significant effect is a conclusion of the report; the control is not
    done_on = f"{today() - timedelta(days=DONE_DAYS_AGO):%d.%m.%Y}"
    assert (
        f"После выполнения пункта 2.3.2 плана ({done_on}) CSAT на этапе «Подача заявления» "
        "вырос на 30 п.п. (с 50 % до 80 %), изменение значимо."
    ) in report["conclusions"]
    assert not any("пункта 2.1 " in sentence for sentence in report["conclusions"])
    # every format shows the section with the intervals
    document = AnalyticalReport.model_validate(report)
    page = render_report(document, ReportFormat.HTML).decode()
    assert "Эффект мероприятий плана" in page
    assert "35,2–64,8 %" in page
    assert "65,2–89,5 %" in page
    workbook = load_workbook(io.BytesIO(render_report(document, ReportFormat.XLSX)))
    sheet = workbook["Эффект мер"]
    numbers = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert {"2.3.2", "2.1"} <= set(numbers)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(document, ReportFormat.PDF))
    printed = " ".join(headless.pdf_text(pdf).split())
    assert "Эффект мероприятий плана" in printed
