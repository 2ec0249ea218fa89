"""tickets outlive a user who deleted their data: anonymous (no identity)

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


def downgrade() -> None:
    # Anonymous tickets cannot belong to anyone again.
    op.execute("DELETE FROM tickets WHERE identity_id IS NULL")
    _identity(False, "CASCADE")
