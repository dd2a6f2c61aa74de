"""An item's status is derived from its executors and evidence, never stored."""

from collections.abc import Iterable
from datetime import date, datetime

from otklik_shared.measures import MOSCOW
from plans_api.plans.models import ExecutorStatus, PlanRow
from plans_api.plans.schemas import ItemStatus, ProgressCounts


def has_closing_evidence(row: PlanRow) -> bool:
    if row.control_point == "survey_report":
        return any(e.survey is not None for e in row.evidence)
    return bool(row.evidence)


def item_status(row: PlanRow, today: date) -> ItemStatus:
    executors = row.executors
    all_done = bool(executors) and all(e.status == ExecutorStatus.DONE for e in executors)
    if all_done and has_closing_evidence(row):
        return ItemStatus.DONE
    late_executor = any(e.end_date < today and e.status != ExecutorStatus.DONE for e in executors)
    # done by its executors but still without evidence after its last end date
    late_evidence = all_done and max(e.end_date for e in executors) < today
    if late_executor or late_evidence:
        return ItemStatus.OVERDUE
    if any(e.status != ExecutorStatus.NOT_STARTED for e in executors):
        return ItemStatus.IN_PROGRESS
    return ItemStatus.NOT_STARTED


def progress(rows: Iterable[PlanRow], today: date) -> ProgressCounts:
    statuses = [item_status(r, today) for r in rows if r.kind == "item"]
    return ProgressCounts(
        items=len(statuses),
        **{s.value: statuses.count(s) for s in ItemStatus},
    )


def today() -> date:
    """Plan dates are calendar dates of the agencies; Moscow time is the reference."""
    return datetime.now(MOSCOW).date()
