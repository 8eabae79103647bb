"""A stored case-folded lookup key for speaker and topic names.

Names were matched with SQL ``lower()``, which SQLite applies to ASCII letters only, while Python
case-folds every letter: "Šimek" was not found again and a second insert hit the UNIQUE constraint.
The key is computed by the code (``db.models.name_key``) and compared exactly.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from db.models import name_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for table in ("speakers", "topics"):
        # A plain ADD COLUMN, not a batch copy: recreating a table on SQLite would fire the
        # ON DELETE SET NULL of the claims that point at it. So the column stays nullable;
        # the code always fills it (db.models).
        op.add_column(table, sa.Column("name_key", sa.Text, nullable=True))
        t = sa.table(table, sa.column("id", sa.Integer), sa.column("name", sa.Text), sa.column("name_key", sa.Text))
        for ident, name in conn.execute(sa.select(t.c.id, t.c.name)).all():
            conn.execute(sa.update(t).where(t.c.id == ident).values(name_key=name_key(name)))
        # Not unique: an older file may hold names that differ only in non-ASCII case.
        op.create_index(f"ix_{table}_name_key", table, ["name_key"])


def downgrade() -> None:
    raise NotImplementedError("Quotedesk projects are never downgraded; restore a backup instead.")
