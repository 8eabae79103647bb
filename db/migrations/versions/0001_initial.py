"""Initial schema: articles, claims, speakers, topics, annotators, actions, audit log, config.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPLICATION_ID = 0x51444B31  # "QDK1": marks the SQLite file as a Quotedesk project


# Full-text indexes (SQLite FTS5, external content kept in step by triggers).
# Frozen here as of this revision; db/search.py queries them.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        content_text, mention_text, role, note,
        content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, content_text, mention_text, role, note)
        VALUES (new.id, new.content_text, new.mention_text, new.role, new.note); END""",
    """CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text, mention_text, role, note)
        VALUES ('delete', old.id, old.content_text, old.mention_text, old.role, old.note); END""",
    """CREATE TRIGGER claims_fts_au AFTER UPDATE OF content_text, mention_text, role, note ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text, mention_text, role, note)
        VALUES ('delete', old.id, old.content_text, old.mention_text, old.role, old.note);
        INSERT INTO claims_fts(rowid, content_text, mention_text, role, note)
        VALUES (new.id, new.content_text, new.mention_text, new.role, new.note); END""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_source", sa.String(16)),
        sa.Column("language", sa.String(16)),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("suggested_at", sa.DateTime),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"], unique=True)

    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("affiliation", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "speaker_roles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("start", sa.Date),
        sa.Column("end", sa.Date),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_speaker_roles_speaker_id", "speaker_roles", ["speaker_id"])
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("keywords", sa.JSON, nullable=False),
        sa.Column("examples", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "annotators",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("cue_text", sa.Text),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speakers.id", ondelete="SET NULL")),
        sa.Column("mention_start", sa.Integer),
        sa.Column("mention_end", sa.Integer),
        sa.Column("mention_text", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("date_text", sa.Text),
        sa.Column("date_assumed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("stance", sa.String(16)),
        sa.Column("topic_id", sa.Integer, sa.ForeignKey("topics.id", ondelete="SET NULL")),
        sa.Column("verdict_rating", sa.Text),
        sa.Column("verdict_explanation", sa.Text),
        sa.Column("verdict_url", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("model_name", sa.Text),
        sa.Column("model_version", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("annotator", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sqlite_autoincrement=True,
    )
    for col in ("article_id", "speaker_id", "topic_id", "status", "date"):
        op.create_index(f"ix_claims_{col}", "claims", [col])

    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("annotator", sa.Text),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("ops", sa.JSON, nullable=False),
    )
    op.create_index("ix_actions_state", "actions", ["state"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.Integer, nullable=False),
        sa.Column("action_id", sa.Integer),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("old", sa.JSON),
        sa.Column("new", sa.JSON),
        sa.Column("annotator", sa.Text),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_audit_entity", "audit_log", ["entity", "entity_id"])
    op.create_index("ix_audit_log_action_id", "audit_log", ["action_id"])
    op.create_table(
        "config",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("value", sa.JSON),
    )

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    raise NotImplementedError("Quotedesk projects are never downgraded; restore a backup instead.")
