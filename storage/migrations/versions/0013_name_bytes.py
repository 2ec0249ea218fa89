"""organization names sized by the core's byte limit (NAME_MAX_BYTES = 1024)

The name's limit is 100 grapheme clusters and 1024 bytes of UTF-8; the old
400-character column refused long names in scripts with many marks that the
chat had accepted (Save failed), so the column follows the byte limit.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.alter_column(
            "name", existing_type=sa.String(400), type_=sa.String(1024), existing_nullable=True
        )


def downgrade() -> None:
    # Names longer than the old column are cut, or PostgreSQL refuses the change.
    op.execute("UPDATE organizations SET name = substr(name, 1, 400) WHERE length(name) > 400")
    with op.batch_alter_table("organizations") as batch:
        batch.alter_column(
            "name", existing_type=sa.String(1024), type_=sa.String(400), existing_nullable=True
        )
