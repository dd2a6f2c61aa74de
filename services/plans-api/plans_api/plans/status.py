"""An item's status is derived from its executors and evidence, never stored."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Protocol, TypeVar

from otklik_shared.measures import MOSCOW
from plans_api.plans.models import ExecutorStatus, PlanRow
from plans_api.plans.schemas import ItemStatus, ProgressCounts


def has_closing_evidence(row: PlanRow) -> bool:
    if row.control_point == "survey_report":
        return any(e.survey is not None for e in row.evidence)
    return bool(row.evidence)


class ExecutorState(Protocol):
    """An executor as stored now, or as a past state recorded it."""

    @property
    def status(self) -> ExecutorStatus: ...

    @property
    def end_date(self) -> date: ...


E = TypeVar("E", bound=ExecutorState)


def derived_status(executors: Sequence[ExecutorState], closed: bool, today: date) -> ItemStatus:
    all_done = bool(executors) and all(e.status == ExecutorStatus.DONE for e in executors)
    if all_done and closed:
        return ItemStatus.DONE
    if missed_deadline(executors, closed, today) is not None:
        return ItemStatus.OVERDUE
    if any(e.status != ExecutorStatus.NOT_STARTED for e in executors):
        return ItemStatus.IN_PROGRESS
    return ItemStatus.NOT_STARTED


def missed_deadline(executors: Sequence[E], closed: bool, today: date) -> E | None:
    """The executor whose end date was missed (the earliest); when every executor is done but
    the evidence is still missing after the last end date, the last executor."""
    late = [e for e in executors if e.end_date < today and e.status != ExecutorStatus.DONE]
    if late:
        return min(late, key=lambda e: e.end_date)
    all_done = bool(executors) and all(e.status == ExecutorStatus.DONE for e in executors)
    if all_done and not closed:
        last = max(executors, key=lambda e: e.end_date)
        return last if last.end_date < today else None
    return None


def item_status(row: PlanRow, today: date) -> ItemStatus:
    return derived_status(row.executors, has_closing_evidence(row), today)


def progress(rows: Iterable[PlanRow], today: date) -> ProgressCounts:
    statuses = [item_status(r, today) for r in rows if r.kind == "item"]
    return ProgressCounts(
        items=len(statuses),
        **{s.value: statuses.count(s) for s in ItemStatus},
    )


def today() -> date:
    """Plan dates are calendar dates of the agencies; Moscow time is the reference."""
    return datetime.now(MOSCOW).date()
