"""covering indexes for the reports' reads of the daily and category aggregates

A report sums a period of one service's (or agency's) aggregate rows. With the counters in the
index those reads are index-only scans: a past month's rows no longer change, so once vacuumed
they never touch the heap pages the live upserts scattered them over.

Revision ID: c5e1a0d0a003
Revises: c5e1a0d0a002
Create Date: 2026-11-24 00:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c5e1a0d0a003"
down_revision: str | None = "c5e1a0d0a002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_REST = ["stage", "channel", "touchpoint_id"]
DAILY_COUNTERS = [
    "responses",
    *(f"rating_{value}" for value in range(1, 6)),
    *(
        f"{criterion}_{kind}"
        for kind in ("sum", "count")
        for criterion in (
            "provision_time",
            "queue_wait",
            "staff_courtesy",
            "premises_comfort",
            "info_availability",
        )
    ),
    "comments",
    "sentiment_negative",
    "sentiment_neutral",
    "sentiment_positive",
]
CATEGORY_COLUMNS = ["category", "comments", "negative", "rating_sum"]

INDEXES = {
    "feedback_daily": DAILY_COUNTERS,
    "feedback_category_daily": CATEGORY_COLUMNS,
}


def _recreate(table: str, *, covering: bool) -> None:
    for leading, other in (("service_id", "agency_id"), ("agency_id", "service_id")):
        name = f"ix_{table}_{leading.removesuffix('_id')}_day"
        op.drop_index(name, table_name=table, schema="reporting")
        include = [other, *KEY_REST, *INDEXES[table]] if covering else []
        op.create_index(
            name,
            table,
            [leading, "day"],
            unique=False,
            schema="reporting",
            postgresql_include=include,
        )


def upgrade() -> None:
    for table in INDEXES:
        _recreate(table, covering=True)


def downgrade() -> None:
    for table in INDEXES:
        _recreate(table, covering=False)
