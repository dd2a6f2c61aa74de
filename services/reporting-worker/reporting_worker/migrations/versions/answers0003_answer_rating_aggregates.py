"""answer-satisfaction aggregates: rated and satisfied answers per agency, service, stage,
channel and day; the answers already counted

Revision ID: answers0003
Revises: c5e1a0d0a003
Create Date: 2026-12-03 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "answers0003"
down_revision: str | None = "c5e1a0d0a003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "answer_rating_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("service_id", sa.UUID(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("rated", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("satisfied", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint(
            "day",
            "agency_id",
            "service_id",
            "stage",
            "channel",
            name=op.f("pk_answer_rating_daily"),
        ),
        schema="reporting",
    )
    op.create_table(
        "rated_answers",
        sa.Column("feedback_id", sa.UUID(), nullable=False),
        sa.Column("answer_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("feedback_id", "answer_number", name=op.f("pk_rated_answers")),
        schema="reporting",
    )


def downgrade() -> None:
    op.drop_table("rated_answers", schema="reporting")
    op.drop_table("answer_rating_daily", schema="reporting")
