"""touchpoint registry

Revision ID: c0ffee000103
Revises: abeda0a5a718
Create Date: 2026-11-23 19:39:44.390204
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "c0ffee000103"
down_revision: str | None = "abeda0a5a718"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The types are created and dropped here explicitly, as drop_table leaves them behind;
# `direction` belongs to the catalog's migration and stays.
touchpoint_kind = postgresql.ENUM(
    "official_site",
    "mobile_app",
    "social_network",
    "messenger",
    "chat_bot",
    "voice_assistant",
    "contact_center",
    "agency_office",
    "subordinate_organization",
    "authorized_organization",
    "one_stop_center",
    "long_stay_place",
    name="touchpoint_kind",
    schema="plans",
    create_type=False,
)
client_need = postgresql.ENUM(
    "information",
    "consultation",
    "forms",
    "submission",
    "status",
    "result",
    "inspection",
    "feedback",
    "feedback_result",
    "other",
    name="client_need",
    schema="plans",
    create_type=False,
)
direction = postgresql.ENUM(name="direction", schema="plans", create_type=False)


def upgrade() -> None:
    touchpoint_kind.create(op.get_bind())
    client_need.create(op.get_bind())
    op.create_table(
        "touchpoints",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("kind", touchpoint_kind, nullable=False),
        sa.Column("is_digital", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("address", sa.String(length=1000), nullable=True),
        sa.Column("directions", postgresql.ARRAY(direction), nullable=False),
        sa.Column("client_needs", postgresql.ARRAY(client_need), nullable=False),
        sa.Column("collects_feedback", sa.Boolean(), nullable=False),
        sa.Column("feedback_channel", sa.String(length=1000), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(is_digital AND url IS NOT NULL) OR (NOT is_digital AND address IS NOT NULL)",
            name=op.f("ck_touchpoints_located"),
        ),
        sa.CheckConstraint(
            "cardinality(client_needs) > 0", name=op.f("ck_touchpoints_serves_a_need")
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["plans.agencies.id"],
            name=op.f("fk_touchpoints_agency_id_agencies"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touchpoints")),
        schema="plans",
    )
    op.create_index(
        op.f("ix_plans_touchpoints_agency_id"),
        "touchpoints",
        ["agency_id"],
        unique=False,
        schema="plans",
    )
    op.create_table(
        "touchpoint_services",
        sa.Column("touchpoint_id", sa.UUID(), nullable=False),
        sa.Column("service_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["plans.services.id"],
            name=op.f("fk_touchpoint_services_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["touchpoint_id"],
            ["plans.touchpoints.id"],
            name=op.f("fk_touchpoint_services_touchpoint_id_touchpoints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("touchpoint_id", "service_id", name=op.f("pk_touchpoint_services")),
        schema="plans",
    )
    op.create_index(
        op.f("ix_plans_touchpoint_services_service_id"),
        "touchpoint_services",
        ["service_id"],
        unique=False,
        schema="plans",
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_plans_touchpoint_services_service_id"),
        table_name="touchpoint_services",
        schema="plans",
    )
    op.drop_table("touchpoint_services", schema="plans")
    op.drop_index(op.f("ix_plans_touchpoints_agency_id"), table_name="touchpoints", schema="plans")
    op.drop_table("touchpoints", schema="plans")
    client_need.drop(op.get_bind())
    touchpoint_kind.drop(op.get_bind())
