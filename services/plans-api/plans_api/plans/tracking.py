"""Progress of tracked plans as of a date: today's from the items as they are, a past day's from
the state history; with each overdue item's missed deadline and the items done by then."""

import uuid
from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from otklik_shared.vocab import Stage
from plans_api.plans.history import ItemState, end_of, states_as_of
from plans_api.plans.models import Plan, PlanRow, PlanStatus
from plans_api.plans.schemas import (
    DoneItem,
    ExecutorRead,
    ItemStatus,
    OverdueItem,
    ProgressCounts,
    TrackedPlanProgress,
)
from plans_api.plans.status import has_closing_evidence, item_status, missed_deadline
from plans_api.proposals.models import Proposal
from plans_api.templates.effects import item_effect


def _live_state(row: PlanRow, day: date) -> ItemState:
    return ItemState(
        executors=[ExecutorRead.model_validate(e) for e in row.executors],
        closed=has_closing_evidence(row),
        status=item_status(row, day),
        done_on=None,
    )


def _counts(states: Sequence[ItemState]) -> ProgressCounts:
    statuses = [s.status for s in states]
    return ProgressCounts(items=len(statuses), **{s.value: statuses.count(s) for s in ItemStatus})


def _overdue(plan: Plan, row: PlanRow, state: ItemState, day: date) -> OverdueItem:
    late = missed_deadline(state.executors, state.closed, day)
    return OverdueItem(
        plan_id=plan.id,
        item_id=row.id,
        number=row.number,
        text=row.text,
        executors=state.executors,
        missed_deadline=late.end_date if late else None,
        late_executor=late,
    )


def _done(plan: Plan, row: PlanRow, state: ItemState, stages: Mapping[uuid.UUID, str]) -> DoneItem:
    effect = item_effect(plan.template_code, plan.template_version, row.number)
    proposal_stage = stages.get(row.id)
    acts_on = [Stage(proposal_stage)] if proposal_stage else (effect.stages if effect else [])
    return DoneItem(
        item_id=row.id,
        number=row.number,
        text=row.text,
        done_on=state.done_on,
        origin=row.origin,
        stages=acts_on,
        criteria=effect.criteria if effect and row.origin == "template" else [],
    )


async def _proposal_stages(session: AsyncSession, plans: Sequence[Plan]) -> dict[uuid.UUID, str]:
    ids = [r.id for p in plans for r in p.rows if r.origin == "proposal"]
    if not ids:
        return {}
    found = await session.execute(
        select(Proposal.plan_item_id, Proposal.stage).where(
            Proposal.plan_item_id.in_(ids), Proposal.stage.is_not(None)
        )
    )
    return {row.plan_item_id: row.stage for row in found if row.plan_item_id and row.stage}


def _status_then(plan: Plan, day: date, *, live: bool) -> PlanStatus:
    if not live and plan.completed_at is not None and plan.completed_at >= end_of(day):
        return PlanStatus.APPROVED
    return plan.status


async def tracked_progress(
    session: AsyncSession, plans: Sequence[Plan], day: date, *, live: bool
) -> list[TrackedPlanProgress]:
    """`live`: `day` is today and the items are read as they are; else from the history, and a
    plan with no state by then (approved later) is left out."""
    # today's counts come from the items themselves: the history only dates the done ones
    done_now = (
        [
            r.id
            for p in plans
            for r in p.rows
            if r.kind == "item" and item_status(r, day) == ItemStatus.DONE
        ]
        if live
        else None
    )
    history = await states_as_of(session, [p.id for p in plans], day, row_ids=done_now)
    stages = await _proposal_stages(session, plans)
    result = []
    for plan in plans:
        items = [r for r in plan.rows if r.kind == "item"]
        if live:
            states = {r.id: _live_state(r, day) for r in items}
        else:
            states = {r.id: history[r.id] for r in items if r.id in history}
            if not states:
                continue
        rows = [r for r in items if r.id in states]
        result.append(
            TrackedPlanProgress(
                plan_id=plan.id,
                agency_id=plan.agency_id,
                service_id=plan.service_id,
                title=plan.title,
                status=_status_then(plan, day, live=live),
                counts=_counts([states[r.id] for r in rows]),
                overdue=[
                    _overdue(plan, r, states[r.id], day)
                    for r in rows
                    if states[r.id].status == ItemStatus.OVERDUE
                ],
                done_items=[
                    _done(plan, r, history.get(r.id, states[r.id]), stages)
                    for r in rows
                    if states[r.id].status == ItemStatus.DONE
                ],
            )
        )
    return result
