"""Engine and session factory. The schema is created and migrated (Alembic) on first use."""

from __future__ import annotations

import functools
import getpass
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from broadcaster.errors import BroadcasterError
from broadcaster.store.models import AuditEvent

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


@functools.lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL, migrated to the latest schema."""
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest Alembic revision (no-op when already there)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    log.info("migrating database from %s to %s", current, head)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise BroadcasterError("Không cập nhật được cấu trúc cơ sở dữ liệu.", str(exc).splitlines()[0],
                               "kiểm tra mục database trong config.yaml và quyền ghi thư mục dữ liệu.") from exc


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A transaction: committed on success, rolled back on any error (imports are all-or-nothing)."""
    session = sessionmaker(engine_for(url), expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def audit(session: Session, action: str, target: str = "", detail: str | None = None,
          actor: str | None = None) -> None:
    session.add(AuditEvent(actor=actor or current_user(), action=action, target=target, detail=detail))


def audit_trail(session: Session, limit: int = 50) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)))
