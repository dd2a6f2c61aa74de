"""citizen pages: the private answer link's hash on each feedback, citizens' ratings of
answers, one rating per respondent token, touchpoint and day

Revision ID: pages0001
Revises: deffeed0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "pages0001"
down_revision: str | None = "deffeed0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "feedback",
        sa.Column("answer_token_hash", sa.String(length=64), nullable=True),
        schema="feedback",
    )
    op.create_table(
        "answer_ratings",
        sa.Column("feedback_id", sa.UUID(), nullable=False),
        sa.Column("answer_number", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("satisfied", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column(
            "rated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.PrimaryKeyConstraint("feedback_id", "answer_number", name=op.f("pk_answer_ratings")),
        schema="feedback",
    )
    op.create_table(
        "touchpoint_ratings",
        sa.Column("respondent_hash", sa.String(length=64), nullable=False),
        sa.Column("touchpoint_id", sa.UUID(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("form_key", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint(
            "respondent_hash", "touchpoint_id", "day", name=op.f("pk_touchpoint_ratings")
        ),
        schema="feedback",
    )
    op.create_index(
        "ix_touchpoint_ratings_day", "touchpoint_ratings", ["day"], unique=False, schema="feedback"
    )


def downgrade() -> None:
    op.drop_index("ix_touchpoint_ratings_day", table_name="touchpoint_ratings", schema="feedback")
    op.drop_table("touchpoint_ratings", schema="feedback")
    op.drop_table("answer_ratings", schema="feedback")
    op.drop_column("feedback", "answer_token_hash", schema="feedback")
