"""Alembic environment: always run programmatically by db.schema.upgrade on its connection."""

from alembic import context

from db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a bare `alembic` call
    raise SystemExit("Run migrations through Quotedesk (db.schema.upgrade), not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for ALTER
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
