"""touchpoint basis and responsible unit and persons (seed 003, 3.2-3.4, 3.6)

Revision ID: defplans0001
Revises: 8c3e0e11d401
Create Date: 2026-12-03 13:20:00

Additive: nullable columns and an empty list by default, so existing touchpoints stay valid.
The catalog's uniqueness rules (names, titles, touchpoints) are checked in code, not by unique
indexes, so databases already holding duplicates migrate without a data fix.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "defplans0001"
down_revision: str | None = "8c3e0e11d401"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "touchpoints", sa.Column("basis_kind", sa.String(length=20), nullable=True), schema="plans"
    )
    op.add_column(
        "touchpoints",
        sa.Column("basis_document", sa.String(length=1000), nullable=True),
        schema="plans",
    )
    op.add_column(
        "touchpoints",
        sa.Column("responsible_unit", sa.String(length=500), nullable=True),
        schema="plans",
    )
    op.add_column(
        "touchpoints",
        sa.Column(
            "responsible_persons",
            postgresql.ARRAY(sa.String(length=300)),
            server_default="{}",
            nullable=False,
        ),
        schema="plans",
    )


def downgrade() -> None:
    for column in ("responsible_persons", "responsible_unit", "basis_document", "basis_kind"):
        op.drop_column("touchpoints", column, schema="plans")
