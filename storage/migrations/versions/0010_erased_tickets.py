"""tickets outlive a user who deleted their data: anonymous (no identity);
the bot's posts in ticket threads, to remove them then

Revision ID: 0010
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_tickets_identity_id_identities"


def _identity(nullable: bool, ondelete: str) -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(FK), type_="foreignkey")
        batch_op.alter_column("identity_id", existing_type=sa.Integer(), nullable=nullable)
        batch_op.create_foreign_key(
            batch_op.f(FK), "identities", ["identity_id"], ["id"], ondelete=ondelete
        )


def upgrade() -> None:
    _identity(True, "SET NULL")
    op.create_table(
        "ticket_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("desk", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_posts_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_posts")),
    )
    op.create_index(op.f("ix_ticket_posts_ticket_id"), "ticket_posts", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ticket_posts_ticket_id"), table_name="ticket_posts")
    op.drop_table("ticket_posts")
    # Anonymous tickets cannot belong to anyone again.
    op.execute("DELETE FROM tickets WHERE identity_id IS NULL")
    _identity(False, "CASCADE")
