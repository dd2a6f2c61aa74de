"""the catalog copy keeps each touchpoint's directions (the posters' filter, as the registry's)

Revision ID: answers0002
Revises: 7b2d0e11d301
Create Date: 2026-12-03 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "answers0002"
down_revision: str | None = "7b2d0e11d301"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "catalog_touchpoints",
        sa.Column(
            "directions",
            sa.ARRAY(sa.String(length=40)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
        schema="feedback",
    )


def downgrade() -> None:
    op.drop_column("catalog_touchpoints", "directions", schema="feedback")
