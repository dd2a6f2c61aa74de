"""Self-checks and plans: checklist answers that fit the service, then for each plan item its
executors, dates and how far it got — done with its evidence, in progress, or overdue."""

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from otklik_kit.demo.region import AgencySpec, ServiceSpec
from otklik_shared.vocab import Stage

# items that cannot apply to a service without that stage
NEEDS_STAGE = {
    "2.3.5": Stage.PAYMENT,
    "2.3.6": Stage.APPOINTMENT,
    "2.4.4": Stage.APPOINTMENT,
    "5.3": Stage.ADDITIONAL_DOCUMENTS,
}
# who carries out an item, by the start of its number (first match)
ROLES = (
    ("1.", "org"),
    ("2.3", "it"),
    ("2.5", "contact"),
    ("3.", "quality"),
    ("5.5", "it"),
    ("5.", "legal"),
    ("", "services"),
)
# items an agency carries out together with the MFC or the municipalities, after its own part
SHARED_ITEMS = ("2.4", "2.6.5", "3.2")
NO_COMMENTS = (
    "Запланировано на текущий год",
    "Требуется доработка информационной системы",
    "Нужны изменения в административном регламенте",
    "Ответственный будет определен после утверждения штатного расписания",
)
EVIDENCE_TITLES = {
    "order": "Приказ «{text}»",
    "departmental_act": "Распоряжение «{text}»",
    "npa_amendment": "Постановление о внесении изменений в административный регламент",
    "implementation_report": "Отчет о реализации мероприятия {number} плана",
    "analytical_report": "Аналитический отчет по результатам мониторинга",
    "instruction": "Поручение «{text}»",
    "conclusion": "Заключение по результатам анализа",
}


class PlanFate(Enum):
    """How far a service got: no self-check yet, a draft checklist, a draft plan, approved."""

    NONE = "none"
    DRAFT_CHECKLIST = "draft_checklist"
    DRAFT_PLAN = "draft_plan"
    APPROVED = "approved"


def fate(index: int) -> PlanFate:
    """Most services are checked and planned; a few lag behind (`index` in the region)."""
    if index % 7 == 6:
        return PlanFate.NONE
    return {12: PlanFate.DRAFT_CHECKLIST, 9: PlanFate.DRAFT_PLAN}.get(index, PlanFate.APPROVED)


def checklist(
    items: Sequence[str], service: ServiceSpec, agency: AgencySpec, rng: random.Random
) -> dict[str, Any]:
    """A submitted checklist: «не применимо» where the service lacks the stage, else «да»
    about as often as the agency is mature; at least three «нет» so there is a plan."""
    answers: dict[str, str] = {}
    for number in items:
        stage = NEEDS_STAGE.get(number)
        if (
            (stage is not None and stage not in service.stages)
            or rng.random() < 0.04
            or (number == "2.4.1" and not agency.mfc)
        ):
            answers[number] = "not_applicable"
        else:
            answers[number] = "yes" if rng.random() < agency.maturity else "no"
    yes = [n for n, a in answers.items() if a == "yes"]
    for number in rng.sample(yes, k=max(0, 3 - (len(answers) - len(yes)))):
        answers[number] = "no"
    noes = [n for n, a in answers.items() if a == "no"]
    comments = {n: rng.choice(NO_COMMENTS) for n in rng.sample(noes, k=min(2, len(noes)))}
    return {"answers": answers, "comments": comments}


def approval(agency: AgencySpec, approved_on: date, rng: random.Random) -> dict[str, Any]:
    return {
        "approving_official": agency.official,
        "document_number": f"{rng.randrange(10, 400)}-{agency.order_prefix}",
        "document_date": approved_on.isoformat(),
    }


@dataclass(frozen=True)
class ItemWork:
    executors: list[dict[str, Any]]
    evidence: dict[str, Any] | None


def item_work(
    row: dict[str, Any],
    agency: AgencySpec,
    *,
    approved_on: date,
    today: date,
    rng: random.Random,
    survey_facts: dict[str, Any] | None,
) -> ItemWork:
    """Executors (the agency's unit, then a partner for shared items) with dates after the
    approval, their state as of today, and the evidence of a finished item."""
    number: str = row["number"]
    start = approved_on + timedelta(days=rng.randrange(0, 40))
    spans = [(start, start + timedelta(days=rng.randrange(30, 180)))]
    units = [agency.units[next(role for prefix, role in ROLES if number.startswith(prefix))]]
    if number.startswith(SHARED_ITEMS):
        spans.append((spans[0][1], spans[0][1] + timedelta(days=rng.randrange(15, 40))))
        units.append(agency.units["partner"])
    late = rng.random() < 0.3  # some work overruns its dates
    needs_survey = row.get("control_point") == "survey_report"
    statuses = [_status(begin, end, today, rng, late) for begin, end in spans]
    if needs_survey and survey_facts is None and statuses[-1] == "done":
        statuses[-1] = "in_progress"  # no survey ran, so it cannot close
    executors = [
        {"unit": unit, "start_date": begin.isoformat(), "end_date": end.isoformat(), "status": st}
        for unit, (begin, end), st in zip(units, spans, statuses, strict=True)
    ]
    evidence = None
    if all(s == "done" for s in statuses) and rng.random() < 0.92:
        finished = min(spans[-1][1], today) - timedelta(days=rng.randrange(0, 5))
        evidence = _evidence(row, agency, finished, rng, survey_facts if needs_survey else None)
    return ItemWork(executors, evidence)


def _status(begin: date, end: date, today: date, rng: random.Random, late: bool) -> str:
    if end < today:
        return "in_progress" if late else "done"
    if begin <= today:
        return "done" if rng.random() < 0.15 else "in_progress"
    return "not_started"


def _evidence(
    row: dict[str, Any],
    agency: AgencySpec,
    finished: date,
    rng: random.Random,
    survey: dict[str, Any] | None,
) -> dict[str, Any]:
    kinds: list[str] = row.get("result_kinds") or ["implementation_report"]
    kind = kinds[0]
    number = f"{rng.randrange(10, 900)}-{agency.order_prefix}"
    words = " ".join(str(row["text"]).split()[:8]).rstrip(",;")
    title = EVIDENCE_TITLES[kind].format(text=words, number=row["number"])
    return {
        "kind": kind,
        "number": number,
        "document_date": finished.isoformat(),
        "title": title,
        "url": f"https://{agency.domain}/documents/{finished:%Y}/{number}.pdf",
        "survey": survey,
    }
