"""answer history (every answer given, the first kept after a re-answer) and the outcome of
proposals as plans-api decided them

Revision ID: deffeed0001
Revises: answers0002
Create Date: 2026-12-03 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "deffeed0001"
down_revision: str | None = "answers0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feedback_answers",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("feedback_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_answers")),
        sa.UniqueConstraint("feedback_id", "number", name=op.f("uq_feedback_answers_feedback_id")),
        schema="feedback",
    )
    # the answers given before this table: the last one of each feedback is all that was kept
    op.execute(
        "INSERT INTO feedback.feedback_answers "
        "(id, feedback_id, agency_id, number, text, answered_by, answered_at) "
        "SELECT gen_random_uuid(), id, agency_id, answer_count, answer, "
        "coalesce(answered_by, ''), answered_at FROM feedback.feedback "
        "WHERE answer IS NOT NULL AND answered_at IS NOT NULL AND answer_count > 0"
    )
    for column in (
        sa.Column("status", sa.String(length=20), server_default=sa.text("'new'"), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("plan_id", sa.UUID(), nullable=True),
        sa.Column("item_number", sa.String(length=20), nullable=True),
    ):
        op.add_column("proposals", column, schema="feedback")


def downgrade() -> None:
    for name in ("item_number", "plan_id", "reject_reason", "decided_by", "decided_at", "status"):
        op.drop_column("proposals", name, schema="feedback")
    op.drop_table("feedback_answers", schema="feedback")
