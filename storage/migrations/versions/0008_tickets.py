"""support tickets and conversation transcripts (handoff to a person)

Revision ID: 0008
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.Column("agent", sa.String(length=128), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sla_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("telegram_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("telegram_topic_id", sa.Integer(), nullable=True),
        sa.Column("telegram_card_id", sa.Integer(), nullable=True),
        sa.Column("slack_channel", sa.String(length=64), nullable=True),
        sa.Column("slack_thread_ts", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_tickets_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    for column in ("identity_id", "status", "telegram_card_id", "slack_thread_ts"):
        op.create_index(op.f(f"ix_tickets_{column}"), "tickets", [column], unique=False)
    op.create_table(
        "transcript_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_transcript_lines_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcript_lines")),
    )
    op.create_index(
        op.f("ix_transcript_lines_identity_id"), "transcript_lines", ["identity_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_transcript_lines_identity_id"), table_name="transcript_lines")
    op.drop_table("transcript_lines")
    for column in ("slack_thread_ts", "telegram_card_id", "status", "identity_id"):
        op.drop_index(op.f(f"ix_tickets_{column}"), table_name="tickets")
    op.drop_table("tickets")
