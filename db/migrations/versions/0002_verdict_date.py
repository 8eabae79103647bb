"""Verdict date on claims (ClaimReview's datePublished) and an index for claims in text order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("verdict_date", sa.Date))
    op.create_index("ix_claims_article_position", "claims", ["article_id", "start", "id"])


def downgrade() -> None:
    raise NotImplementedError("Quotedesk projects are never downgraded; restore a backup instead.")
