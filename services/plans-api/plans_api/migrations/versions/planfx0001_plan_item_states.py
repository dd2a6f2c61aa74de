"""plan item states with valid-from times, backfilled from the plans as they are

Revision ID: planfx0001
Revises: defplans0001
Create Date: 2026-12-03 13:20:00

The backfill knows only what the tables keep: the approval time, each executor's completion
time and each evidence's upload time. An approved item gets a state at approval (executors
done later are taken as in progress until then) and one more at each later completion or
upload. Dates moved through earlier executor replacements are not replayed: today's dates
stand for the whole past.
"""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "planfx0001"
down_revision: str | None = "defplans0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_item_states",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("row_id", sa.UUID(), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("executors", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.plans.id"],
            name=op.f("fk_plan_item_states_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["row_id"],
            ["plans.plan_rows.id"],
            name=op.f("fk_plan_item_states_row_id_plan_rows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_item_states")),
        sa.UniqueConstraint("seq", name=op.f("uq_plan_item_states_seq")),
        schema="plans",
    )
    op.create_index(
        "ix_plan_item_states_plan_valid_from",
        "plan_item_states",
        ["plan_id", "valid_from"],
        unique=False,
        schema="plans",
    )
    op.create_index(
        op.f("ix_plans_plan_item_states_row_id"),
        "plan_item_states",
        ["row_id"],
        unique=False,
        schema="plans",
    )
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    items = bind.execute(
        sa.text(
            "SELECT r.id, r.plan_id, r.control_point, p.approved_at FROM plans.plan_rows r "
            "JOIN plans.plans p ON p.id = r.plan_id "
            "WHERE r.kind = 'item' AND p.status <> 'draft' AND p.approved_at IS NOT NULL"
        )
    ).all()
    executors: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for e in bind.execute(
        sa.text(
            "SELECT id, row_id, position, unit, person, person_position, start_date, end_date, "
            "status, completed_at FROM plans.plan_executors ORDER BY row_id, position"
        )
    ):
        executors[e.row_id].append(e)
    evidence: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for row in bind.execute(
        sa.text("SELECT row_id, created_at, survey IS NOT NULL AS survey FROM plans.plan_evidence")
    ):
        evidence[row.row_id].append(row)
    states = sa.table(
        "plan_item_states",
        sa.column("id", sa.UUID()),
        sa.column("plan_id", sa.UUID()),
        sa.column("row_id", sa.UUID()),
        sa.column("valid_from", sa.DateTime(timezone=True)),
        sa.column("executors", postgresql.JSONB()),
        sa.column("closed", sa.Boolean()),
        schema="plans",
    )
    values = [
        state for item in items for state in _states(item, executors[item.id], evidence[item.id])
    ]
    if values:
        op.bulk_insert(states, values)


def _states(item: Any, executors: list[Any], evidence: list[Any]) -> list[dict[str, Any]]:
    approved: datetime = item.approved_at
    moments = sorted(
        {approved}
        | {e.completed_at for e in executors if e.completed_at and e.completed_at > approved}
        | {d.created_at for d in evidence if d.created_at > approved}
    )
    return [
        {
            "id": uuid.uuid4(),
            "plan_id": item.plan_id,
            "row_id": item.id,
            "valid_from": moment,
            "executors": [_executor(e, moment) for e in executors],
            "closed": any(
                d.created_at <= moment and (item.control_point != "survey_report" or d.survey)
                for d in evidence
            ),
        }
        for moment in moments
    ]


def _executor(e: Any, moment: datetime) -> dict[str, Any]:
    done_later = e.status == "done" and e.completed_at is not None and e.completed_at > moment
    return {
        "id": str(e.id),
        "unit": e.unit,
        "person": e.person,
        "person_position": e.person_position,
        "start_date": e.start_date.isoformat(),
        "end_date": e.end_date.isoformat(),
        "status": "in_progress" if done_later else e.status,
        "completed_at": None
        if done_later or e.completed_at is None
        else e.completed_at.isoformat(),
    }


def downgrade() -> None:
    op.drop_index(
        op.f("ix_plans_plan_item_states_row_id"), table_name="plan_item_states", schema="plans"
    )
    op.drop_index(
        "ix_plan_item_states_plan_valid_from", table_name="plan_item_states", schema="plans"
    )
    op.drop_table("plan_item_states", schema="plans")
