"""the message window and the live keyboard on the conversation row; transcript
lines and step events in one table

A known user's step read and wrote three rows (the conversation, its message
window, the live keyboard of its chat); now it reads and writes one, with
one load and one UPDATE. Steps happen only in a user's own place (a private
Telegram chat, a web session, a terminal), whose address is the external id
of the user's identity, so each live keyboard moves onto the conversation of
that identity; a keyboard row whose place has no conversation (none is
written today) is dropped, and a press of it is stale. Windows and keyboards
go back to their own tables on a downgrade.

A step wrote its transcript lines and its step event with two inserts; both
kinds of row now live in `history` (the lines with their identity, the step
events anonymous as before), written with one. Rows are copied in the order
of their old ids, so the newest lines stay the newest.

Revision ID: 0017
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("window_count", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("window_warned", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("keyboard_token", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("keyboard_language", sa.String(length=8), nullable=True))
    op.execute(
        "UPDATE conversations SET "
        "window_started_at = (SELECT w.started_at FROM message_windows w "
        "WHERE w.identity_id = conversations.identity_id), "
        "window_count = (SELECT w.count FROM message_windows w "
        "WHERE w.identity_id = conversations.identity_id), "
        "window_warned = (SELECT w.warned FROM message_windows w "
        "WHERE w.identity_id = conversations.identity_id)"
    )
    op.execute(
        "UPDATE conversations SET "
        "keyboard_token = (SELECT k.token FROM live_keyboards k JOIN identities i "
        "ON k.channel = i.channel AND k.address = i.external_id "
        "WHERE i.id = conversations.identity_id), "
        "keyboard_language = (SELECT k.language FROM live_keyboards k JOIN identities i "
        "ON k.channel = i.channel AND k.address = i.external_id "
        "WHERE i.id = conversations.identity_id)"
    )
    op.drop_table("message_windows")
    op.drop_table("live_keyboards")
    _create_history()
    op.execute(
        "INSERT INTO history (identity_id, author, text, at) "
        "SELECT identity_id, author, text, at FROM transcript_lines ORDER BY id"
    )
    op.execute(
        "INSERT INTO history (conversation_id, channel, language, step, at) "
        "SELECT conversation_id, channel, language, step, at FROM step_events ORDER BY id"
    )
    op.drop_index(op.f("ix_transcript_lines_identity_id"), table_name="transcript_lines")
    op.drop_table("transcript_lines")
    op.drop_index(op.f("ix_step_events_conversation_id"), table_name="step_events")
    op.drop_index(op.f("ix_step_events_at"), table_name="step_events")
    op.drop_table("step_events")


def _create_history() -> None:
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("step", sa.String(length=32), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_history_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
    )
    op.create_index(op.f("ix_history_identity_id"), "history", ["identity_id"], unique=False)
    op.create_index(
        op.f("ix_history_conversation_id"), "history", ["conversation_id"], unique=False
    )
    op.create_index(op.f("ix_history_at"), "history", ["at"], unique=False)


def downgrade() -> None:
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
    op.create_index(op.f("ix_step_events_at"), "step_events", ["at"], unique=False)
    op.create_index(
        op.f("ix_step_events_conversation_id"), "step_events", ["conversation_id"], unique=False
    )
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
    op.execute(
        "INSERT INTO transcript_lines (identity_id, author, text, at) "
        "SELECT identity_id, author, text, at FROM history WHERE step IS NULL ORDER BY id"
    )
    op.execute(
        "INSERT INTO step_events (conversation_id, channel, language, step, at) "
        "SELECT conversation_id, channel, language, step, at FROM history "
        "WHERE step IS NOT NULL ORDER BY id"
    )
    op.drop_index(op.f("ix_history_at"), table_name="history")
    op.drop_index(op.f("ix_history_conversation_id"), table_name="history")
    op.drop_index(op.f("ix_history_identity_id"), table_name="history")
    op.drop_table("history")
    op.create_table(
        "message_windows",
        sa.Column("identity_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("warned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["identity_id"],
            ["identities.id"],
            name=op.f("fk_message_windows_identity_id_identities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("identity_id", name=op.f("pk_message_windows")),
    )
    op.create_table(
        "live_keyboards",
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=255), nullable=False),
        sa.Column("token", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "address", name=op.f("pk_live_keyboards")),
    )
    op.execute(
        "INSERT INTO message_windows (identity_id, started_at, count, warned) "
        "SELECT identity_id, window_started_at, window_count, window_warned FROM conversations "
        "WHERE window_started_at IS NOT NULL"
    )
    op.execute(
        "INSERT INTO live_keyboards (channel, address, token, language, updated_at) "
        "SELECT i.channel, i.external_id, c.keyboard_token, c.keyboard_language, c.updated_at "
        "FROM conversations c JOIN identities i ON i.id = c.identity_id "
        "WHERE c.keyboard_token IS NOT NULL"
    )
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("keyboard_language")
        batch.drop_column("keyboard_token")
        batch.drop_column("window_warned")
        batch.drop_column("window_count")
        batch.drop_column("window_started_at")
