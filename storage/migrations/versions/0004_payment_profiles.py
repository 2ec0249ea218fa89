"""payment profiles: Stripe customer, Checkout link and saved method per organization

Revision ID: 0004
Revises: 0007
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payment_profiles",
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(length=255), nullable=True),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("link_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("session_generation", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(length=255), nullable=True),
        sa.Column("session_url", sa.Text(), nullable=True),
        sa.Column("session_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("setup_intent_id", sa.String(length=255), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payment_method_id", sa.String(length=255), nullable=True),
        sa.Column("method_type", sa.String(length=32), nullable=True),
        sa.Column("method_brand", sa.String(length=64), nullable=True),
        sa.Column("method_last4", sa.String(length=4), nullable=True),
        sa.Column("method_country", sa.String(length=2), nullable=True),
        sa.Column("mandate_status", sa.String(length=16), nullable=True),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_payment_profiles_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("org_id", name=op.f("pk_payment_profiles")),
        sa.UniqueConstraint("session_id", name=op.f("uq_payment_profiles_session_id")),
    )
    with op.batch_alter_table("payment_profiles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payment_profiles_payment_method_id"), ["payment_method_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("payment_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_profiles_payment_method_id"))
    op.drop_table("payment_profiles")
