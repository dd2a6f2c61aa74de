"""The items' state history: appended on approval and on each change of an approved item, read
back to tell a plan's progress as of a past date and the day each item became done."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_kit.query_dates import moscow_days
from otklik_shared.measures import MOSCOW
from plans_api.plans.history_models import PlanItemState
from plans_api.plans.models import Plan, PlanRow, PlanStatus
from plans_api.plans.schemas import ExecutorRead, ItemStatus
from plans_api.plans.status import derived_status, has_closing_evidence


def now() -> datetime:
    """The clock of the history (tests set it to replay a plan's past)."""
    return datetime.now(UTC)


def record_state(session: AsyncSession, plan: Plan, row: PlanRow) -> None:
    """Keeps the item's state from now on; drafts keep none (they are not tracked)."""
    if plan.status == PlanStatus.DRAFT or row.kind != "item":
        return
    session.add(
        PlanItemState(
            plan_id=plan.id,
            row_id=row.id,
            valid_from=now(),
            executors=[
                ExecutorRead.model_validate(e).model_dump(mode="json") for e in row.executors
            ],
            closed=has_closing_evidence(row),
        )
    )


def record_plan(session: AsyncSession, plan: Plan) -> None:
    for row in plan.rows:
        record_state(session, plan, row)


@dataclass(frozen=True, slots=True)
class ItemState:
    """One item as it stood at a date."""

    executors: list[ExecutorRead]
    closed: bool
    status: ItemStatus
    done_on: date | None


def end_of(day: date) -> datetime:
    """The first moment after `day` in Moscow: states valid before it held on that day."""
    return moscow_days(day, day)[1]


async def states_as_of(
    session: AsyncSession,
    plan_ids: Sequence[uuid.UUID],
    day: date,
    *,
    row_ids: Sequence[uuid.UUID] | None = None,
) -> dict[uuid.UUID, ItemState]:
    """Each item's state at the end of `day`, by row id (of `row_ids` only, when given); items
    without a state then (added later, or their plan approved later) are absent."""
    if not plan_ids or row_ids == []:
        return {}
    query = select(PlanItemState).where(
        PlanItemState.plan_id.in_(plan_ids), PlanItemState.valid_from < end_of(day)
    )
    if row_ids is not None:
        query = query.where(PlanItemState.row_id.in_(row_ids))
    found = await session.scalars(
        query.order_by(PlanItemState.row_id, PlanItemState.valid_from, PlanItemState.seq)
    )
    by_row: dict[uuid.UUID, list[PlanItemState]] = defaultdict(list)
    for state in found:
        by_row[state.row_id].append(state)
    return {row_id: _replay(states, day) for row_id, states in by_row.items()}


def _replay(states: list[PlanItemState], day: date) -> ItemState:
    done_since: datetime | None = None
    for state in states:
        executors = [ExecutorRead.model_validate(e) for e in state.executors]
        status = derived_status(executors, state.closed, day)
        done_since = (done_since or state.valid_from) if status == ItemStatus.DONE else None
    last = states[-1]
    executors = [ExecutorRead.model_validate(e) for e in last.executors]
    return ItemState(
        executors=executors,
        closed=last.closed,
        status=derived_status(executors, last.closed, day),
        done_on=done_since.astimezone(MOSCOW).date() if done_since else None,
    )
