"""live keyboards per channel and address (was Telegram's alone)

The stale-button check moved from the Telegram channel into the runner that
every channel shares, so the newest keyboard's token is kept per channel and
place a reply goes. Telegram's live tokens are carried over: a keyboard on
screen during the upgrade stays live.

Revision ID: 0016
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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
        "INSERT INTO live_keyboards (channel, address, token, language, updated_at) "
        "SELECT 'telegram', CAST(chat_id AS VARCHAR(255)), keyboard_token, language, updated_at "
        "FROM telegram_chats WHERE keyboard_token IS NOT NULL"
    )
    with op.batch_alter_table("telegram_chats") as batch:
        batch.drop_column("keyboard_token")
        batch.drop_column("language")


def downgrade() -> None:
    with op.batch_alter_table("telegram_chats") as batch:
        batch.add_column(sa.Column("keyboard_token", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))
    # Telegram chat ids are integers; other channels' rows have no place to go.
    op.execute(
        "UPDATE telegram_chats SET "
        "keyboard_token = (SELECT token FROM live_keyboards k WHERE k.channel = 'telegram' "
        "AND k.address = CAST(telegram_chats.chat_id AS VARCHAR(255))), "
        "language = (SELECT language FROM live_keyboards k WHERE k.channel = 'telegram' "
        "AND k.address = CAST(telegram_chats.chat_id AS VARCHAR(255)))"
    )
    op.drop_table("live_keyboards")
