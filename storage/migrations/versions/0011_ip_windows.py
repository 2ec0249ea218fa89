"""ip windows: the per-IP limit on public pages, shared by every web process

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ip_windows",
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_ip_windows")),
    )
    op.create_index(op.f("ix_ip_windows_started_at"), "ip_windows", ["started_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ip_windows_started_at"), table_name="ip_windows")
    op.drop_table("ip_windows")
