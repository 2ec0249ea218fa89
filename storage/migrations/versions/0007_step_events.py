"""step events for the funnel report

Revision ID: 0007
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "step_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_events")),
    )
    with op.batch_alter_table("step_events") as batch_op:
        batch_op.create_index(batch_op.f("ix_step_events_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_step_events_conversation_id"), ["conversation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("step_events") as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_events_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_step_events_at"))
    op.drop_table("step_events")
