"""Progress summaries: counts of items by derived status, and the overdue items with executors."""

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date

from plans_api.plans.models import Plan, PlanStatus
from plans_api.plans.schemas import (
    AgencyPlanProgress,
    ExecutorRead,
    ItemStatus,
    OverdueItem,
    PlanProgress,
)
from plans_api.plans.status import has_closing_evidence, item_status, missed_deadline, progress


def overdue_items(plan: Plan, today: date) -> list[OverdueItem]:
    found = []
    for row in plan.rows:
        if row.kind != "item" or item_status(row, today) != ItemStatus.OVERDUE:
            continue
        late = missed_deadline(row.executors, has_closing_evidence(row), today)
        found.append(
            OverdueItem(
                plan_id=plan.id,
                item_id=row.id,
                number=row.number,
                text=row.text,
                executors=[ExecutorRead.model_validate(e) for e in row.executors],
                missed_deadline=late.end_date if late else None,
                late_executor=ExecutorRead.model_validate(late) if late else None,
            )
        )
    return found


def plan_progress(plan: Plan, today: date) -> PlanProgress:
    return PlanProgress(
        plan_id=plan.id,
        status=plan.status,
        counts=progress(plan.rows, today),
        overdue=overdue_items(plan, today),
    )


def agency_progress(agency_id: uuid.UUID, plans: Sequence[Plan], today: date) -> AgencyPlanProgress:
    tracked = [p for p in plans if p.status != PlanStatus.DRAFT]
    statuses = Counter(p.status for p in plans)
    return AgencyPlanProgress(
        agency_id=agency_id,
        plans_by_status={s: statuses.get(s, 0) for s in PlanStatus},
        counts=progress([row for p in tracked for row in p.rows], today),
        overdue=[item for p in tracked for item in overdue_items(p, today)],
    )
