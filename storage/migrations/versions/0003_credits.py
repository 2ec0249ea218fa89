"""trial credit ledger: grants (unique per domain), usage reports, org status

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("credit_status", sa.String(length=32), nullable=True))

    op.create_table(
        "credit_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=255), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("exhausted_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("amount_minor > 0", name="ck_credit_grants_amount"),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_credit_grants_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_grants")),
        sa.UniqueConstraint("domain", name=op.f("uq_credit_grants_domain")),
        sa.UniqueConstraint("org_id", name=op.f("uq_credit_grants_org_id")),
    )
    op.create_table(
        "credit_usages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("applied_minor", sa.Integer(), nullable=False),
        sa.Column("remaining_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_minor > 0", name="ck_credit_usages_amount"),
        sa.CheckConstraint(
            "applied_minor >= 0 AND applied_minor <= amount_minor",
            name="ck_credit_usages_applied",
        ),
        sa.CheckConstraint("remaining_minor >= 0", name="ck_credit_usages_remaining"),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_credit_usages_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_usages")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_credit_usages_idempotency_key")),
    )
    with op.batch_alter_table("credit_usages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credit_usages_org_id"), ["org_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("credit_usages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credit_usages_org_id"))

    op.drop_table("credit_usages")
    op.drop_table("credit_grants")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_column("credit_status")
