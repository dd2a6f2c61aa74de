"""publishable keys: the web origins a portal widget's key may be used from

Revision ID: answers0001
Revises: 2dad1ec3941b
Create Date: 2026-12-03 13:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "answers0001"
down_revision: str | None = "2dad1ec3941b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "api_keys",
        sa.Column("allowed_origins", sa.ARRAY(sa.String(length=255)), nullable=True),
        schema="auth",
    )


def downgrade() -> None:
    op.drop_column("api_keys", "allowed_origins", schema="auth")
