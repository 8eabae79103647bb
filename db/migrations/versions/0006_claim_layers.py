"""Teams: claim layers for blind double annotation, assignments of articles to annotators, adjudication links.

- ``claims.layer``: NULL is the project's final layer (every claim stored before this revision, and what
  exports, training, search and stance timelines read); a name is that annotator's private layer of the
  article in blind annotation.
- ``claims.settled_by``: a layer claim settled by adjudication points at the final claim made from it.
- ``layers``: which annotator has opened their layer of which article (one row each, so opening is
  done once even when two processes race).
- ``assignments``: which articles an annotator is to annotate, by whom and when, and when finished.

Existing claims all stay in the final layer, so no row changes. On SQLite the new columns are plain
``ADD COLUMN``s, not a batch copy of ``claims`` (which would drop and rebuild its full-text triggers).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("claims", sa.Column("layer", sa.Text, nullable=True))
    if conn.dialect.name == "sqlite":  # ALTER TABLE cannot add a constraint there, but a column may reference
        op.execute("ALTER TABLE claims ADD COLUMN settled_by INTEGER REFERENCES claims (id) ON DELETE SET NULL")
    else:
        op.add_column("claims", sa.Column("settled_by", sa.Integer, nullable=True))
        op.create_foreign_key("fk_claims_settled_by_claims", "claims", "claims", ["settled_by"], ["id"],
                              ondelete="SET NULL")
    op.create_index("ix_claims_article_layer", "claims", ["article_id", "layer"])
    op.create_index("ix_claims_settled_by", "claims", ["settled_by"])

    op.create_table(
        "layers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("annotator", sa.Text, nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "annotator", name="uq_layers_article_annotator"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("annotator", sa.Text, nullable=False),
        sa.Column("assigned_at", sa.DateTime, nullable=False),
        sa.Column("assigned_by", sa.Text),
        sa.Column("finished_at", sa.DateTime),
        sa.UniqueConstraint("article_id", "annotator", name="uq_assignments_article_annotator"),
        sqlite_autoincrement=True,  # an id is never reused, so undoing a removal cannot meet a newer row
    )
    op.create_index("ix_assignments_annotator", "assignments", ["annotator"])


def downgrade() -> None:
    raise NotImplementedError("Quotedesk projects are never downgraded; restore a backup instead.")
