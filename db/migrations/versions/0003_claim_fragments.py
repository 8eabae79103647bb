"""Claim fragments: a quote split by its attribution (“A,” she said, “B.”) is one claim in pieces.

A nullable JSON column on claims: NULL for a claim in one piece (its content), else the
pieces in text order as ``[{"start", "end", "text"}, ...]``, code point offsets into the
article text. Existing claims are all in one piece, so no row changes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("fragments", sa.JSON))


def downgrade() -> None:
    raise NotImplementedError("Quotedesk projects are never downgraded; restore a backup instead.")
