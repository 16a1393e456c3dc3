"""Alembic environment: runs on the connection handed over by broadcaster.db.migrate."""

from alembic import context

from broadcaster.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` CLI use: build a connection from the URL in the ini
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").connect()


def include_object(obj, name, type_, reflected, compare_to):
    """APScheduler owns its job table (broadcaster.schedule); autogenerate must leave it alone."""
    return not (type_ == "table" and name == "apscheduler_jobs")


context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_object=include_object
)
with context.begin_transaction():
    context.run_migrations()
